import ArgumentParser
import Foundation
import Ledger

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Every event that touched one record, from extraction to rollback, one line each.",
        discussion: """
            Name the record by its source id (and, when several source objects use that id, its object) or by the \
            Twenty id it was written under. Each line: sequence number, time, event type, the run's mode when it \
            was a sample or a run, and what the event did. `crm-migrate ledger show SEQ` prints one event whole; \
            the same history is the `record_history` view of the ledger (see Ledger/AUDITING.md).
            """)

    @OptionGroup var options: ProjectOptions
    @Option(name: .customLong("source-id"), help: "The record's id in the export.") var sourceId: String?
    @Option(help: "The record's source object (e.g. contacts), when its id is used by more than one.")
    var object: String?
    @Option(name: .customLong("twenty-id"), help: "The id of the Twenty record it was written as.") var twentyId:
        String?

    func validate() throws {
        if (sourceId == nil) == (twentyId == nil) {
            throw ValidationError("name the record with exactly one of --source-id ID or --twenty-id ID")
        }
        if object != nil && sourceId == nil { throw ValidationError("--object goes with --source-id") }
    }

    func run() throws {
        let ledger = try options.open().openLedger(.read)
        let entries: [RecordHistoryEntry]
        var heading: String
        if let sourceId {
            let candidates =
                try object.map { [SourceRecordKey(object: $0, sourceId: sourceId)] }
                ?? ledger.sourceRecords(sourceId: sourceId)
            guard let record = candidates.first else {
                throw UserFacingError("no source record has the id \(sourceId) in this ledger")
            }
            guard candidates.count == 1 else {
                let objects = candidates.map(\.object).joined(separator: ", ")
                throw UserFacingError(
                    "the id \(sourceId) names a record in \(objects); say which with --object")
            }
            entries = try ledger.recordHistory(record)
            heading = "\(record.object) \(sourceId)"
        } else {
            let twentyId = twentyId ?? ""
            if let record = try ledger.sourceRecord(twentyId: twentyId) {
                entries = try ledger.recordHistory(record)
                heading = "\(record.object) \(record.sourceId), Twenty id \(twentyId)"
            } else {
                entries = try ledger.twentyRecordHistory(twentyId: twentyId)
                heading = "Twenty id \(twentyId) (no source record was written as it)"
            }
        }
        guard !entries.isEmpty else { throw UserFacingError("the ledger holds no event about \(heading)") }
        heading += ": \(entries.count) events"
        var output = BufferedOutput()
        output.write(heading + "\n")
        for entry in entries { output.write(Self.line(entry) + "\n") }
        output.flush()
    }

    static func line(_ entry: RecordHistoryEntry) -> String {
        // A transform's mode names its map hash in full: the first characters tell runs apart.
        let mode = entry.runMode.map { "[\($0.count > 18 ? $0.prefix(17) + "…" : $0)]" } ?? ""
        return String(entry.seq).padding(8) + entry.recordedAt.padding(25) + entry.type.padding(24) + mode.padding(21)
            + entry.summary
    }
}
