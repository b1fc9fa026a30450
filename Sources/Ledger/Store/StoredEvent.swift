import CanonicalJSON
import Foundation
import SQLite

/// An event row as stored, payload still as text: what `ledger log` and `ledger show` print, readable even for
/// types a newer version added.
public struct StoredEvent: Sendable, Equatable {
    public var seq: Int64
    public var recordedAt: String
    public var runId: String
    public var type: String
    public var object: String?
    public var sourceId: String?
    public var twentyId: String?
    public var payload: String
    public var prevHash: String
    public var hash: String

    /// The typed event.
    public func decoded() throws -> LedgerEvent {
        guard let eventType = EventType(rawValue: type) else {
            throw LedgerError.unknownEventType(seq: seq, type: type)
        }
        do {
            return try LedgerEvent.decode(type: eventType, payload: Data(payload.utf8))
        } catch {
            throw LedgerError.undecodablePayload(seq: seq, type: type, reason: "\(error)")
        }
    }

    /// The whole row as one canonical JSON object, payload embedded as JSON.
    public func jsonLine() throws -> String {
        var members: [String: JSONValue] = [
            "seq": .integer(seq), "recorded_at": .string(recordedAt), "run_id": .string(runId), "type": .string(type),
            "object": object.map(JSONValue.string) ?? .null, "source_id": sourceId.map(JSONValue.string) ?? .null,
            "twenty_id": twentyId.map(JSONValue.string) ?? .null, "prev_hash": .string(prevHash), "hash": .string(hash),
        ]
        members["payload"] = try JSONValue(parsing: Array(payload.utf8))
        return JSONValue.object(members).canonicalText
    }
}

/// Which events to read; every condition given must hold.
public struct EventFilter: Sendable {
    public var type: String?
    public var object: String?
    public var sourceId: String?
    public var twentyId: String?
    public var runId: String?
    /// Events recorded at or after this ledger timestamp (see `LedgerClock.normalise`).
    public var since: String?
    public var fromSeq: Int64?
    public var limit: Int?

    public init(
        type: String? = nil, object: String? = nil, sourceId: String? = nil, twentyId: String? = nil,
        runId: String? = nil, since: String? = nil, fromSeq: Int64? = nil, limit: Int? = nil
    ) {
        self.type = type
        self.object = object
        self.sourceId = sourceId
        self.twentyId = twentyId
        self.runId = runId
        self.since = since
        self.fromSeq = fromSeq
        self.limit = limit
    }
}

extension Ledger {
    static let storedColumns =
        "seq, recorded_at, run_id, type, object, source_id, twenty_id, payload, prev_hash, hash"

    /// Calls `body` with each event matching `filter`, in sequence order.
    public func events(matching filter: EventFilter = EventFilter(), _ body: (StoredEvent) throws -> Void) throws {
        var conditions: [String] = []
        var values: [SQLValue?] = []
        func add(_ condition: String, _ value: SQLValue?) {
            conditions.append(condition)
            values.append(value)
        }
        if let type = filter.type { add("type = ?", .text(type)) }
        if let object = filter.object { add("object = ?", .text(object)) }
        if let sourceId = filter.sourceId { add("source_id = ?", .text(sourceId)) }
        if let twentyId = filter.twentyId { add("twenty_id = ?", .text(twentyId)) }
        if let runId = filter.runId { add("run_id = ?", .text(runId)) }
        if let since = filter.since { add("recorded_at >= ?", .text(since)) }
        if let fromSeq = filter.fromSeq { add("seq >= ?", .integer(fromSeq)) }
        var sql = "SELECT \(Ledger.storedColumns) FROM events"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY seq"
        if let limit = filter.limit { sql += " LIMIT \(max(0, limit))" }
        try db.readTransaction {
            try db.prepare(sql).forEachRow(values) { try body(Ledger.storedEvent($0)) }
        }
    }

    /// The event with sequence number `seq`, if there is one.
    public func event(seq: Int64) throws -> StoredEvent? {
        try db.query(
            sql: "SELECT \(Ledger.storedColumns) FROM events WHERE seq = ?", [.integer(seq)], Ledger.storedEvent
        )
        .first
    }

    static func storedEvent(_ row: Row) -> StoredEvent {
        StoredEvent(
            seq: row.int(0), recordedAt: row.string(1) ?? "", runId: row.string(2) ?? "", type: row.string(3) ?? "",
            object: row.string(4), sourceId: row.string(5), twentyId: row.string(6), payload: row.string(7) ?? "",
            prevHash: row.string(8) ?? "", hash: row.string(9) ?? "")
    }
}
