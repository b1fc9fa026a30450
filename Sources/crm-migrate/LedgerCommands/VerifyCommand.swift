import ArgumentParser
import Foundation
import Ledger

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the hash chain; exit 1 naming the first bad sequence number.",
        discussion: """
            Checks that sequence numbers run 1, 2, 3 without gaps, that each event's prev_hash is its \
            predecessor's hash, and that each hash matches the event's columns. Prints the head hash: keep it \
            somewhere else, and a later verify that prints the same head proves nothing before it changed.
            """)

    @OptionGroup var options: ProjectOptions

    func run() throws {
        let ledger = try options.open().openLedger(.read)
        let report = try ledger.verify()
        if let problem = report.problem {
            FileHandle.standardError.write(
                Data("ledger verify: FAILED at event \(problem.seq): \(problem.reason)\n".utf8))
            print("\(report.eventsChecked) events intact before event \(problem.seq)")
            throw ExitCode(1)
        }
        print("ledger verify: OK, \(report.eventsChecked) events, chain intact")
        print("head \(report.head.seq) \(report.head.hash)")
    }
}
