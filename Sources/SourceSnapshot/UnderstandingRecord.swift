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

    /// The understanding of the latest snapshot that recorded one; nil for a ledger whose snapshots predate it.
    public static func latest(in ledger: Ledger) throws -> ExportUnderstanding? {
        var last: StoredEvent?
        try ledger.events(matching: EventFilter(type: EventType.exportUnderstood.rawValue)) { last = $0 }
        guard let last, case .exportUnderstood(let payload) = try last.decoded() else { return nil }
        return try JSONValueDecoder().decode(ExportUnderstanding.self, from: payload.understanding)
    }
}
