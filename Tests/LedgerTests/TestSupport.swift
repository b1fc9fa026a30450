import CanonicalJSON
import Foundation
import SQLite

@testable import Ledger

/// A fresh directory under the system's temporary directory, removed when the value is released.
final class TemporaryDirectory {
    let url: URL
    init() {
        url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "crm-migrate-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// A ledger in a temporary directory with `count` varied events appended in batches.
func makeLedger(events count: Int = 0, seed: UInt64 = 1, in directory: TemporaryDirectory) throws -> Ledger {
    let ledger = try Ledger.create(at: directory.path("ledger.sqlite"))
    var generator = EventGenerator(seed: seed)
    var remaining = count
    while remaining > 0 {
        let batch = min(remaining, Int(generator.random.next() % 7) + 1)
        try ledger.append((0..<batch).map { _ in generator.next() })
        remaining -= batch
    }
    return ledger
}

/// A raw connection to the ledger file, bypassing the Ledger type, as an attacker or auditor would have.
func rawConnection(_ ledger: Ledger) throws -> Database {
    let db = try Database(path: ledger.path, mode: .readWrite)
    db.setBusyTimeout(milliseconds: 5000)
    return db
}

/// Every row of every projection table, as text, in a stable order.
func projectionDump(_ db: Database) throws -> [String: [String]] {
    var dump: [String: [String]] = [:]
    for projection in Projections.all {
        for table in projection.tables {
            dump[table.name] = try db.query(sql: "SELECT * FROM \(table.name) ORDER BY \(table.orderBy)") { row in
                (0..<row.columnCount).map { "\(row.value($0))" }.joined(separator: "|")
            }
        }
    }
    return dump
}

struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random but plausible event sequences: creates, updates and deletes of a pool of records (some of them unknown
/// to the ledger, as pre-existing Twenty records are), schema changes, source events, and compensations of
/// earlier mutations, including repeated ones.
struct EventGenerator {
    var random: SplitMix64
    private var mutationCount: Int64 = 0
    private var emitted: Int64 = 0
    private var mutationSeqs: [Int64] = []
    private var requestedBatches: [String] = []

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }

    private mutating func values() -> JSONValue {
        var members: [String: JSONValue] = [:]
        for key in ["name", "jobTitle", "city", "employees", "emails", "note"] where random.next() % 2 == 0 {
            switch key {
            case "employees": members[key] = .integer(Int64(random.next() % 5000))
            case "emails":
                members[key] = ["primaryEmail": .string("p\(random.next() % 50)@example.com"), "additionalEmails": []]
            case "note": members[key] = .string("line 1\nline \"2\" \u{1}é")
            default: members[key] = .string("v\(random.next() % 1000)")
            }
        }
        return .object(members)
    }

    mutating func next() -> LedgerEvent {
        emitted += 1
        let object = pick(["person", "company", "opportunity"])
        let twentyId = "00000000-0000-5000-8000-\(String(format: "%012d", random.next() % 40))"
        let sourceId = random.next() % 4 == 0 ? nil : "S-\(random.next() % 40)"
        let choice = random.next() % 100
        let event: LedgerEvent
        switch choice {
        case 0..<30:
            event = .recordCreated(
                RecordCreated(
                    batchId: requestedBatches.isEmpty ? "b\(emitted)" : pick(requestedBatches), object: object,
                    sourceObject: random.next() % 2 == 0 ? "contacts" : nil, sourceId: sourceId, twentyId: twentyId,
                    values: values()))
        case 30..<50:
            event = .recordUpdated(
                RecordUpdated(
                    batchId: nil, object: object, sourceId: sourceId, twentyId: twentyId, values: values(),
                    before: values()))
        case 50..<60:
            event = .recordDeleted(
                RecordDeleted(
                    batchId: nil, object: object, sourceId: sourceId, twentyId: twentyId, soft: random.next() % 2 == 0,
                    before: values()))
        case 60..<75 where !mutationSeqs.isEmpty:
            let target = pick(mutationSeqs)
            let action = pick([Compensation.Action.destroy, .update, .create, .restore, .schema])
            event = .rollbackCompensated(
                RollbackCompensated(
                    compensates: target,
                    compensation: Compensation(
                        action: action, object: object, twentyId: twentyId,
                        values: action == .update || action == .create ? values() : nil)))
        case 75..<80:
            let change = SchemaChange(
                op: .updateField, object: object, field: "stage", metadataId: "f-\(random.next() % 9)",
                definition: ["options": ["NEW", "CUSTOMER"]])
            event = .schemaChangeApplied(
                SchemaChangeApplied(
                    changeId: "c\(emitted)", change: change,
                    inverse: SchemaChange(
                        op: .updateField, object: object, field: "stage", definition: ["options": ["NEW"]])))
        case 80..<83:
            event = .recordMissing(
                RecordMissing(
                    snapshot: Int(random.next() % 3) + 1, object: "contacts", sourceId: "S-\(random.next() % 40)"))
        case 83..<90:
            event = .recordExtracted(
                RecordExtracted(
                    snapshot: Int(random.next() % 3) + 1, object: "contacts", sourceId: "S-\(random.next() % 40)",
                    file: "contacts.csv", line: Int(emitted), contentHash: pick(["h1", "h2", "h3"]),
                    values: ["Email": "x@example.com", "Name": "N \(random.next() % 9)"]))
        case 90..<92 where !requestedBatches.isEmpty:
            let batch = pick(requestedBatches)
            event =
                random.next() % 2 == 0
                ? .writeFailed(
                    WriteFailed(
                        batchId: batch, object: object, sourceObject: "contacts",
                        sourceIds: ["S-\(random.next() % 40)"],
                        status: 400, error: "bad", retryable: random.next() % 2 == 0))
                : .intentResolved(
                    IntentResolved(
                        kind: .write, intentId: batch, intentSeq: Int64(random.next() % UInt64(emitted)) + 1,
                        object: object, held: [twentyId], absent: []))
        case 92..<95:
            requestedBatches.append("b\(emitted)")
            event = .writeRequested(
                WriteRequested(
                    batchId: "b\(emitted)", op: .create, object: object,
                    items: [WriteItem(sourceId: sourceId, twentyId: twentyId, values: values())]))
        default:
            event = .runStarted(RunStarted(command: "migrate", mode: "full"))
        }
        switch event {
        case .recordCreated, .recordUpdated, .recordDeleted, .schemaChangeApplied:
            mutationSeqs.append(emitted)
        default: break
        }
        return event
    }
}
