import ArgumentParser
import CanonicalJSON
import Foundation
import Ledger

struct LedgerDeltaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delta",
        abstract: "What changed in the source between two snapshots: records added, changed and removed.",
        discussion: """
            Read from the source-delta projection (content hashes per snapshot), so it costs no reading of the \
            export. --from defaults to the snapshot the last completed `run` or `delta` had migrated (0 before \
            any: everything is added), --to to the latest snapshot. Lists each record with its object and source \
            id; --json prints one object with the three lists.
            """)

    @OptionGroup var options: ProjectOptions
    @Option(help: "The earlier snapshot (default: the one the last completed run or delta migrated).")
    var from: Int?
    @Option(help: "The later snapshot (default: the latest).")
    var to: Int?
    @Flag(help: "Print one JSON object ({from, to, added, changed, removed}) instead of text.")
    var json = false

    func validate() throws {
        if let from, from < 0 { throw ValidationError("--from must be 0 or a snapshot number") }
        if let from, let to, to < from { throw ValidationError("--to (\(to)) must not be before --from (\(from))") }
    }

    func run() throws {
        let ledger = try options.open().openLedger(.read)
        let latest = try ledger.latestSnapshot()
        let to = self.to ?? latest
        guard to <= latest else {
            throw UserFacingError("there is no snapshot \(to): the latest is \(latest)")
        }
        let from = try self.from ?? min(ledger.lastMigratedSnapshot(), to)
        let delta = try ledger.delta(from: from, to: to)
        if json {
            func list(_ records: [SourceDelta.Record]) -> JSONValue {
                .array(records.map { ["object": .string($0.object), "sourceId": .string($0.sourceId)] })
            }
            let answer: JSONValue = [
                "from": .integer(Int64(from)), "to": .integer(Int64(to)), "added": list(delta.added),
                "changed": list(delta.changed), "removed": list(delta.removed),
            ]
            print(answer.canonicalText)
            return
        }
        print(
            "Snapshot \(from) -> \(to): \(delta.added.count) added, \(delta.changed.count) changed, "
                + "\(delta.removed.count) removed")
        for (word, records) in [("added", delta.added), ("changed", delta.changed), ("removed", delta.removed)] {
            for record in records { print("  " + word.padding(9) + record.object.padding(22) + record.sourceId) }
        }
    }

}
