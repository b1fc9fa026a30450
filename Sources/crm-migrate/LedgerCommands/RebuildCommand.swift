import ArgumentParser
import Foundation
import Ledger

struct RebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Rebuild every projection from the events alone (with --check: compare, change nothing).",
        discussion: """
            Projections (what the tool believes Twenty holds, the inverse stream that rollback replays, ...) are \
            derived data. `rebuild` drops their rows and folds every event again. `rebuild --check` folds into \
            temporary tables, compares them with the stored ones row by row, reports any difference and exits 1 \
            if there is one.
            """)

    @OptionGroup var options: ProjectOptions
    @Flag(help: "Compare a fresh fold with the stored projections and report differences; change nothing.")
    var check = false

    func run() throws {
        let ledger = try options.open().openLedger(check ? .read : .write)
        let report = try ledger.rebuildProjections(check: check)
        if check {
            if report.matches {
                print(
                    "ledger rebuild --check: projections match the \(report.eventsFolded) events (\(report.rowsWritten) rows)"
                )
                return
            }
            print("ledger rebuild --check: projections differ from the events:")
            for difference in report.differences { print(difference) }
            throw ExitCode(1)
        }
        print("ledger rebuild: folded \(report.eventsFolded) events into \(report.rowsWritten) projection rows")
    }
}
