import CanonicalJSON
import Foundation
import Logging
import SQLite

/// A migration project's event ledger: one SQLite file, append-only and hash-chained, with projections folded
/// in the same transaction as the events they fold.
///
/// Open it `.write` to append (one writer per project, enforced by a lock file) or `.read` to inspect; readers
/// never block the writer (WAL) and see whole transactions only.
public final class Ledger {
    public enum Access: Sendable { case read, write }

    /// The last event: its sequence number (0 for an empty ledger) and hash.
    public struct Head: Sendable, Equatable {
        public var seq: Int64
        public var hash: String
    }

    public let path: String
    public let access: Access
    /// Stamped on every event this handle appends.
    public let runId: String
    public private(set) var head: Head
    let db: Database
    private let lock: WriterLock?
    /// A reader of a ledger from an earlier version reads a migrated copy here, removed when it closes.
    private let migratedCopy: URL?
    private let logger = Logger(label: "crm-migrate.ledger")
    /// In-process crash drill for tests (the process-wide one is `AppendCrashPoint`): called before an append
    /// starts and after it commits. A test makes them throw, and fail every later append, to end a command at an
    /// exact point as a killed process would end, then opens a fresh handle on the same file to resume.
    public var beforeAppend: (() throws -> Void)?
    public var afterAppend: (() throws -> Void)?
    private var envelopeBuffer: [UInt8] = []
    private var hashBuffer: [UInt8] = []

    /// The lock file beside the ledger (`ledger.sqlite` -> `ledger.lock`).
    public static func lockPath(for path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().appendingPathExtension("lock").path
    }

    /// Creates a new, empty ledger file (mode 0600) and opens it for writing.
    public static func create(at path: String, runId: String? = nil) throws -> Ledger {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw LedgerError.alreadyExists(path: path)
        }
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        else {
            throw LedgerError.cannotLock(path: path, reason: "cannot create the file")
        }
        return try Ledger(path: path, access: .write, runId: runId)
    }

    public init(path: String, access: Access, runId: String? = nil) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw LedgerError.notALedger(path: path) }
        self.path = path
        self.access = access
        self.runId = runId ?? Ledger.newRunId()
        do {
            if access == .write {
                migratedCopy = nil
                lock = try WriterLock(path: Ledger.lockPath(for: path))
                db = try Database(path: path, mode: .readWrite)
                db.setBusyTimeout(milliseconds: 10_000)
                try Ledger.refuseForeignDatabase(db, path: path)
                // Checkpoints every 10,000 WAL pages (40 MiB) rather than SQLite's 1,000: a run's commits dirty
                // the same index pages again and again, and each checkpoint writes every page it finds once, so
                // fewer checkpoints write the ledger file far less. Durability is the WAL's, synced at each commit.
                try db.execute(
                    """
                    PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA cache_size = -65536;
                    PRAGMA wal_autocheckpoint = 10000;
                    """)
                let applied = try SchemaMigrator.migrate(db, path: path)
                if !applied.isEmpty { logger.info("ledger schema migrated", metadata: ["applied": "\(applied)"]) }
            } else {
                lock = nil
                migratedCopy = try Ledger.migratedCopyIfNeeded(path: path)
                db = try Database(
                    path: migratedCopy?.appendingPathComponent("ledger.sqlite").path ?? path, mode: .readOnly)
                db.setBusyTimeout(milliseconds: 10_000)
            }
            guard try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'events'") == .integer(1) else {
                throw LedgerError.notALedger(path: path)
            }
            head = Head(seq: 0, hash: EventHash.genesis)
            head = try readHead()
            if access == .write { try catchUpProjections() }
        } catch let error as SQLiteError {
            throw LedgerError.sqlite(error)
        }
    }

    deinit {
        if let migratedCopy { try? FileManager.default.removeItem(at: migratedCopy) }
    }

    /// Opening a ledger to read it never writes to it, not even to bring an earlier version's schema forward (an
    /// auditor may hold a read-only copy, and a reader must not race a writer's lock). A ledger that lacks a
    /// migration is copied consistently (`VACUUM INTO`, which reads through SQLite and so sees the WAL), and the
    /// copy is migrated and its projections folded; the caller reads the copy. The next writer migrates the
    /// ledger itself.
    private static func migratedCopyIfNeeded(path: String) throws -> URL? {
        let probe = try Database(path: path, mode: .readOnly)
        try refuseForeignDatabase(probe, path: path)
        guard !(try SchemaMigrator.pending(probe, path: path)).isEmpty else { return nil }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("crm-migrate-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        do {
            let copy = directory.appendingPathComponent("ledger.sqlite").path
            try probe.run("VACUUM INTO ?", [.text(copy)])
            _ = try Ledger(path: copy, access: .write)
            return directory
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    /// Migrations may only touch a ledger or a brand-new empty file, never some other SQLite database that a
    /// mistyped path points at.
    private static func refuseForeignDatabase(_ db: Database, path: String) throws {
        let tables = try db.query("SELECT name FROM sqlite_master WHERE type = 'table'") { $0.string(0) ?? "" }
        guard tables.isEmpty || tables.contains("schema_migrations") else { throw LedgerError.notALedger(path: path) }
    }

    static func newRunId() -> String {
        let stamp = LedgerClock.now().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return "run-\(stamp.prefix(15))-\(suffix)"
    }

    func readHead() throws -> Head {
        let row = try db.query("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1") {
            Head(seq: $0.int(0), hash: $0.string(1) ?? "")
        }.first
        return row ?? Head(seq: 0, hash: EventHash.genesis)
    }

    // MARK: Appending

    /// Appends `events` in one transaction, folding each into every projection before the commit.
    /// Returns the sequence numbers given to them.
    @discardableResult
    public func append(_ events: [LedgerEvent]) throws -> ClosedRange<Int64>? {
        precondition(access == .write, "append needs a ledger opened for writing")
        guard !events.isEmpty else { return nil }
        try beforeAppend?()
        let recordedAt = LedgerClock.now()
        do {
            let newHead = try db.transaction { () -> Head in
                var seq = head.seq
                var prevHash = head.hash
                let insert = try db.cached(
                    """
                    INSERT INTO events (seq, recorded_at, run_id, type, object, source_id, twenty_id, payload, prev_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for event in events {
                    seq += 1
                    // The payload is taken out of the enum once: each `event.type` would box it again.
                    let payload = event.payload
                    let type = Swift.type(of: payload).type
                    let payloadBytes: [UInt8]
                    do {
                        payloadBytes = try CanonicalJSONEncoder().encode(payload)
                    } catch {
                        throw LedgerError.encodingFailed(type: type, reason: "\(error)")
                    }
                    prevHash = try writeRow(
                        insert, seq: seq, recordedAt: recordedAt, type: type.rawValue, object: payload.object,
                        sourceId: payload.sourceId, twentyId: payload.twentyId, payload: payloadBytes,
                        prevHash: prevHash)
                    let folded = FoldedEvent(
                        seq: seq, runId: runId, recordedAt: recordedAt, type: type, object: payload.object,
                        sourceId: payload.sourceId, twentyId: payload.twentyId,
                        payload: CanonicalPayload(bytes: payloadBytes))
                    // Every projection sees every event and ignores the types it does not fold (a switch is cheaper
                    // here than looking the type up in each projection's set of interests).
                    for projection in Projections.all { try projection.apply(folded, in: db) }
                }
                try advanceCursors(to: seq)
                return Head(seq: seq, hash: prevHash)
            }
            let first = head.seq + 1
            head = newHead
            AppendCrashPoint.committed()
            try afterAppend?()
            return first...newHead.seq
        } catch let error as SQLiteError {
            throw LedgerError.sqlite(error)
        }
    }

    /// Inserts one event row; returns its hash.
    private func writeRow(
        _ insert: Statement, seq: Int64, recordedAt: String, type: String, object: String?, sourceId: String?,
        twentyId: String?, payload: [UInt8], prevHash: String
    ) throws -> String {
        var recordedAt = recordedAt
        var runId = runId
        var type = type
        var prev = prevHash
        try withOptionalUTF8(object) { objectBytes in
            try withOptionalUTF8(sourceId) { sourceBytes in
                try withOptionalUTF8(twentyId) { twentyBytes in
                    try recordedAt.withUTF8 { at in
                        try runId.withUTF8 { run in
                            try type.withUTF8 { typeBytes in
                                try payload.withUnsafeBytes { payloadBytes in
                                    EventHash.envelope(
                                        seq: seq, recordedAt: UnsafeRawBufferPointer(at),
                                        runId: UnsafeRawBufferPointer(run), type: UnsafeRawBufferPointer(typeBytes),
                                        object: objectBytes, sourceId: sourceBytes, twentyId: twentyBytes,
                                        payload: payloadBytes, into: &envelopeBuffer)
                                    prev.withUTF8 { prevBytes in
                                        EventHash.hash(
                                            prevHash: UnsafeRawBufferPointer(prevBytes), envelope: envelopeBuffer,
                                            into: &hashBuffer)
                                    }
                                    // Borrowed bindings: every buffer lives until the reset after the step.
                                    insert.reset()
                                    defer { insert.reset() }
                                    try insert.bind(1, seq)
                                    try insert.bindBorrowedText(2, UnsafeRawBufferPointer(at))
                                    try insert.bindBorrowedText(3, UnsafeRawBufferPointer(run))
                                    try insert.bindBorrowedText(4, UnsafeRawBufferPointer(typeBytes))
                                    if let objectBytes { try insert.bindBorrowedText(5, objectBytes) }
                                    if let sourceBytes { try insert.bindBorrowedText(6, sourceBytes) }
                                    if let twentyBytes { try insert.bindBorrowedText(7, twentyBytes) }
                                    try insert.bindBorrowedText(8, payloadBytes)
                                    try prev.withUTF8 { prevBytes in
                                        try hashBuffer.withUnsafeBytes { hashBytes in
                                            try insert.bindBorrowedText(9, UnsafeRawBufferPointer(prevBytes))
                                            try insert.bindBorrowedText(10, hashBytes)
                                            try insert.step()
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return String(decoding: hashBuffer, as: UTF8.self)
    }

    private func advanceCursors(to seq: Int64) throws {
        for projection in Projections.all {
            try db.run(
                """
                INSERT INTO projection_cursors (projection, last_seq) VALUES (?, ?)
                ON CONFLICT (projection) DO UPDATE SET last_seq = excluded.last_seq
                """, [.text(projection.name), .integer(seq)])
        }
    }

    // MARK: Projections

    /// The last sequence number each projection has folded.
    public func projectionCursors() throws -> [String: Int64] {
        var cursors: [String: Int64] = [:]
        for row in try db.query(
            "SELECT projection, last_seq FROM projection_cursors", [], { ($0.string(0), $0.int(1)) })
        {
            if let name = row.0 { cursors[name] = row.1 }
        }
        return cursors
    }

    /// Folds events a projection has not seen: after a migration added a projection, or if a cursor is behind.
    /// Normally a no-op: projections commit with their events.
    private func catchUpProjections() throws {
        let cursors = try projectionCursors()
        let behind = Projections.all.filter { (cursors[$0.name] ?? 0) < head.seq }
        guard !behind.isEmpty else { return }
        let from = behind.map { cursors[$0.name] ?? 0 }.min() ?? 0
        logger.info("folding events into projections", metadata: ["from": "\(from + 1)", "to": "\(head.seq)"])
        try db.transaction {
            try fold(from: from + 1, into: behind, cursors: cursors)
            for projection in behind {
                try db.run(
                    """
                    INSERT INTO projection_cursors (projection, last_seq) VALUES (?, ?)
                    ON CONFLICT (projection) DO UPDATE SET last_seq = excluded.last_seq
                    """, [.text(projection.name), .integer(head.seq)])
            }
        }
    }

    /// Reads events from `from` on and applies each to the projections whose cursor is below it. Payloads are not
    /// decoded: projections read what they need from the canonical bytes.
    ///
    /// The per-event work outside the projections' SQL is kept to lookups in arrays: which projections fold a type
    /// is worked out once per type, and a run of events with the same type, run or commit time (the common case)
    /// reuses the previous event's value instead of building a new string.
    func fold(from: Int64, into projections: [any Projection], cursors: [String: Int64]) throws {
        var plan = FoldPlan(projections: projections, cursors: cursors)
        let read = try db.prepare(
            """
            SELECT seq, run_id, recorded_at, type, object, source_id, twenty_id, payload
            FROM events WHERE seq >= ? ORDER BY seq
            """)
        var runId = RepeatedText()
        var recordedAt = RepeatedText()
        try read.forEachRow([.integer(from)]) { row in
            let seq = row.int(0)
            guard let (type, interested) = plan.projections(forType: row.bytes(3), at: seq) else {
                throw LedgerError.unknownEventType(seq: seq, type: row.string(3) ?? "")
            }
            guard !interested.isEmpty else { return }
            let folded = FoldedEvent(
                seq: seq, runId: runId.value(of: row.bytes(1)), recordedAt: recordedAt.value(of: row.bytes(2)),
                type: type, object: row.string(4), sourceId: row.string(5), twentyId: row.string(6),
                payload: CanonicalPayload(bytes: Array(row.bytes(7))))
            for projection in interested { try projection.apply(folded, in: db) }
        }
    }
}

/// Which projections fold each event type, worked out once per type for a fold rather than per event: the type
/// column's bytes are matched against the types already seen (a handful in any ledger), not parsed and hashed.
private struct FoldPlan {
    private struct Entry {
        let name: [UInt8]
        let type: EventType
        /// The projections interested in the type, each with the sequence number after which it folds (its cursor).
        let candidates: [(projection: any Projection, after: Int64)]
        /// All of `candidates`, for an event past every one of their cursors.
        let all: [any Projection]
        let allAfter: Int64
    }

    private let projections: [any Projection]
    private let cursors: [String: Int64]
    private var seen: [Entry] = []

    init(projections: [any Projection], cursors: [String: Int64]) {
        self.projections = projections
        self.cursors = cursors
    }

    /// The event type named by `name` and the projections that fold it at `seq`, in the order given; nil for a
    /// type this build does not know.
    mutating func projections(forType name: UnsafeRawBufferPointer, at seq: Int64) -> (EventType, [any Projection])? {
        let entry: Entry
        if let known = seen.first(where: { $0.name.elementsEqual(name) }) {
            entry = known
        } else {
            guard let type = EventType(rawValue: String(decoding: name, as: UTF8.self)) else { return nil }
            let candidates = projections.filter { $0.interests.contains(type) }.map {
                (projection: $0, after: cursors[$0.name] ?? 0)
            }
            entry = Entry(
                name: Array(name), type: type, candidates: candidates, all: candidates.map(\.projection),
                allAfter: candidates.map(\.after).max() ?? 0)
            seen.append(entry)
        }
        if seq > entry.allAfter { return (entry.type, entry.all) }
        return (entry.type, entry.candidates.filter { seq > $0.after }.map(\.projection))
    }
}

/// A column that mostly repeats from one row to the next (an event's run, its commit time): a new string is made
/// only when the bytes differ from the previous row's.
private struct RepeatedText {
    private var bytes: [UInt8] = []
    private var cached = ""

    mutating func value(of text: UnsafeRawBufferPointer) -> String {
        if !text.elementsEqual(bytes) {
            bytes = Array(text)
            cached = String(decoding: text, as: UTF8.self)
        }
        return cached
    }
}

/// Calls `body` with the string's UTF-8 bytes, or `nil` for a missing string.
func withOptionalUTF8<R>(_ string: String?, _ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R {
    guard var string else { return try body(nil) }
    return try string.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
}
