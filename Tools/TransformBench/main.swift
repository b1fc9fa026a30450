import AllegoryExport
import ExportGenerator
import FieldMap
import Foundation
import Ledger
import RecordTransform
import SourceSnapshot

// transform-bench: throughput of transform + validation on a generated export's contacts.
//
//   transform-bench [--contacts N] [--dir DIR] [--seed S]
//
// Generates the export (reused when DIR/export already holds one of N contacts), snapshots it into a fresh ledger,
// then measures (1) the pure path: transform + validation of contacts held in memory, no ledger; and (2) the
// ledger path: `TransformRun` over companies and contacts, reading records from the ledger and appending their
// record.transformed / record.rejected events in transactions. Prints records/s for each.

var contacts = 1_000_000
var directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("transform-bench")
var seed: UInt64 = 42
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--contacts": contacts = Int(arguments.next() ?? "") ?? contacts
    case "--dir": directory = URL(fileURLWithPath: arguments.next() ?? directory.path)
    case "--seed": seed = UInt64(arguments.next() ?? "") ?? seed
    default:
        FileHandle.standardError.write(Data("usage: transform-bench [--contacts N] [--dir DIR] [--seed S]\n".utf8))
        exit(2)
    }
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

let export = directory.appendingPathComponent("export")
let marker = directory.appendingPathComponent("export-\(contacts)-\(seed).done")
if !FileManager.default.fileExists(atPath: marker.path) {
    try? FileManager.default.removeItem(at: directory)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let start = ContinuousClock.now
    _ = try ExportGenerator(contacts: contacts, seed: seed).write(to: export)
    FileManager.default.createFile(atPath: marker.path, contents: nil)
    print(String(format: "generated %d contacts in %.1f s", contacts, seconds(since: start)))
}
let ledgerPath = directory.appendingPathComponent("bench.sqlite").path
for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: ledgerPath + suffix) }
try? FileManager.default.removeItem(atPath: Ledger.lockPath(for: ledgerPath))
let ledger = try Ledger.create(at: ledgerPath)
var start = ContinuousClock.now
let snapshot = try Snapshotter(ledger: ledger, layout: try ExportLayout(root: export)).run()
print(String(format: "snapshot: %d records in %.1f s", snapshot.files.reduce(0) { $0 + $1.records }, seconds(since: start)))

let context = try TransformContext(projectId: "6ba7b810-9dad-11d1-80b4-00c04fd430c8", map: BenchMap.map, members: BenchMap.members)
let companyMap = BenchMap.map.object(source: "companies")!
let contactMap = BenchMap.map.object(source: "contacts")!

// 1. Pure path. Companies fill the parent registry; contacts are read into memory first so only transform and
// validation are timed.
var registry = ParentRegistry()
let companyTransformer = RecordTransformer(objectMap: companyMap, context: context)
try ledger.forEachCurrentRecord(object: "companies") { record in
    if case .transformed = companyTransformer.transform(record) {
        registry.record(object: "companies", sourceId: record.sourceId, .transformed)
    } else {
        registry.record(object: "companies", sourceId: record.sourceId, .rejected)
    }
}
var records: [SourceRecord] = []
records.reserveCapacity(contacts)
start = ContinuousClock.now
try ledger.forEachCurrentRecord(object: "contacts") { records.append($0) }
let readSeconds = seconds(since: start)
print(String(format: "read %d contacts from the ledger: %.2f s (%.0f records/s)", records.count, readSeconds, Double(records.count) / readSeconds))

let transformer = RecordTransformer(objectMap: contactMap, context: context)
var validation = ObjectValidation(policies: context.policies)
start = ContinuousClock.now
for record in records { validation.scan(transformer, sourceId: record.sourceId, values: record.values) }
validation.finishScan()
let scanSeconds = seconds(since: start)
var transformed = 0
var rejected = 0
start = ContinuousClock.now
for record in records {
    switch validation.validate(transformer.transform(record), registry: registry).0 {
    case .transformed: transformed += 1
    case .rejected: rejected += 1
    }
}
let pureSeconds = seconds(since: start)
print(String(format: "pure transform + validate: %d contacts (%d transformed, %d rejected) in %.2f s: %.0f records/s",
             records.count, transformed, rejected, pureSeconds, Double(records.count) / pureSeconds))
print(String(format: "  first pass (unique keys, parent links): %.2f s: %.0f records/s; both passes: %.0f records/s",
             scanSeconds, Double(records.count) / scanSeconds, Double(records.count) / (scanSeconds + pureSeconds)))
records = []

// 2. Ledger path: read from the ledger, transform, validate, append events.
var run = TransformRun(ledger: ledger, map: BenchMap.map, mapSha256: "bench", context: context)
var objectStart = ContinuousClock.now
run.progress = { counts in
    let elapsed = seconds(since: objectStart)
    print(String(format: "ledger path, %@: %d records (%d transformed, %d rejected) in %.2f s: %.0f records/s",
                 counts.object, counts.source, counts.transformed, counts.rejected, elapsed, Double(counts.source) / elapsed))
    objectStart = ContinuousClock.now
}
start = ContinuousClock.now
let summary = try run.run()
let total = summary.objects.reduce(0) { $0 + $1.source }
print(String(format: "ledger path, all: %d records, %d events in %.2f s: %.0f records/s; counts add up: %@",
             total, summary.newEvents, seconds(since: start), Double(total) / seconds(since: start), summary.balances ? "yes" : "NO"))
