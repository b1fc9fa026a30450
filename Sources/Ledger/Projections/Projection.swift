import CanonicalJSON
import SQLite

/// An event as a projection folds it: its columns and its payload's canonical bytes, the same whether the event
/// is being appended or read back by a rebuild.
struct FoldedEvent {
    let seq: Int64
    let runId: String
    let recordedAt: String
    let type: EventType
    let object: String?
    let sourceId: String?
    let twentyId: String?
    let payload: CanonicalPayload

    /// A payload member the fold cannot do without.
    func require<T>(_ value: T?, _ member: String) throws -> T {
        guard let value else {
            throw LedgerError.undecodablePayload(seq: seq, type: type.rawValue, reason: "no usable \"\(member)\"")
        }
        return value
    }
}

/// A fold over the events into tables. Everything a projection stores must follow from the events alone,
/// in order, so that dropping its rows and folding every event again gives identical content.
protocol Projection: Sendable {
    /// The key in `projection_cursors`.
    var name: String { get }
    /// Its tables, cleared by a rebuild and compared by `rebuild --check`, with the columns that order a dump.
    var tables: [(name: String, orderBy: String)] { get }
    /// The event types it reads; others are skipped without decoding during a rebuild.
    var interests: Set<EventType> { get }
    func apply(_ event: FoldedEvent, in db: Database) throws
}

enum Projections {
    /// Every projection the ledger maintains, in the order they fold each event.
    static let all: [any Projection] = [
        TwentyStateProjection(), InverseStreamProjection(), SourceDeltaProjection(), IntentsProjection(),
        ConservationProjection(),
    ]

    static var interests: Set<EventType> { all.reduce(into: []) { $0.formUnion($1.interests) } }
}
