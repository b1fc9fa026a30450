import CanonicalJSON
import ExportUnderstanding
import Ledger

/// The understanding of an export as the ledger records it (`export.understood`): written by the snapshot, read
/// by every later step, so all of them work from the same identities and relations.
public enum UnderstandingRecord {
    public static func event(snapshot: Int, _ understanding: ExportUnderstanding) throws -> LedgerEvent {
        let value = try JSONParser.parse(try CanonicalJSONEncoder().encode(understanding))
        return .exportUnderstood(ExportUnderstood(snapshot: snapshot, understanding: value))
    }

    /// The understanding of the latest snapshot, refusing one that was interrupted: work on half an export would
    /// see the missing half as deleted.
    public static func latestComplete(in ledger: Ledger) throws -> ExportUnderstanding? {
        guard try ledger.latestSnapshotIsComplete() else {
            throw SnapshotIncomplete(snapshot: try ledger.latestSnapshot())
        }
        return try latest(in: ledger)
    }

    /// The understanding of the latest snapshot that recorded one; nil for a ledger whose snapshots predate it.
    public static func latest(in ledger: Ledger) throws -> ExportUnderstanding? {
        var last: StoredEvent?
        try ledger.events(matching: EventFilter(type: EventType.exportUnderstood.rawValue)) { last = $0 }
        guard let last, case .exportUnderstood(let payload) = try last.decoded() else { return nil }
        return try JSONValueDecoder().decode(ExportUnderstanding.self, from: payload.understanding)
    }
}

/// The latest snapshot stopped before every record was read (the process was killed, a file became unreadable).
public struct SnapshotIncomplete: Error, CustomStringConvertible {
    public let snapshot: Int

    public var description: String {
        "snapshot \(snapshot) was interrupted before every record was read; take it again with `crm-migrate snapshot` before going on"
    }
}
