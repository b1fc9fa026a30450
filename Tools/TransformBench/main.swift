import AllegoryExport
import ExportGenerator
import FieldMap
import Foundation
import Ledger
import RecordTransform
import SourceSnapshot

// transform-bench: throughput of transform + validation on a generated export's contacts.
//
//   transform-bench [--contacts N] [--dir DIR] [--seed S] [--reuse-snapshot] [--only pure|ledger]
//
// Generates the export (reused when DIR/export already holds one of N contacts), snapshots it into a fresh ledger,
// then measures (1) the pure path: transform + validation of contacts held in memory, no ledger; and (2) the
// ledger path: `TransformRun` over companies and contacts, reading records from the ledger and appending their
// record.transformed / record.rejected events in transactions. Prints records/s for each, by wall time and by
// the process's CPU time (the bench is single-threaded, so CPU time is the figure a loaded machine does not skew).
//
// --reuse-snapshot keeps a copy of the ledger as the snapshot left it (DIR/snapshot-N-S.sqlite) and starts later
// runs from that copy instead of snapshotting again. --only runs one of the two paths.

var contacts = 1_000_000
var directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("transform-bench")
var seed: UInt64 = 42
var reuseSnapshot = false
var only: String?
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--contacts": contacts = Int(arguments.next() ?? "") ?? contacts
    case "--dir": directory = URL(fileURLWithPath: arguments.next() ?? directory.path)
    case "--seed": seed = UInt64(arguments.next() ?? "") ?? seed
    case "--reuse-snapshot": reuseSnapshot = true
    case "--only":
        only = arguments.next()
        guard only == "pure" || only == "ledger" else { fallthrough }
    default:
        FileHandle.standardError.write(
            Data(
                "usage: transform-bench [--contacts N] [--dir DIR] [--seed S] [--reuse-snapshot] [--only pure|ledger]\n"
                    .utf8))
        exit(2)
    }
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// The process's CPU time (user + system) in seconds.
func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
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
let snapshotCopy = directory.appendingPathComponent("snapshot-\(contacts)-\(seed).sqlite").path
for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: ledgerPath + suffix) }
try? FileManager.default.removeItem(atPath: Ledger.lockPath(for: ledgerPath))
let start = ContinuousClock.now
if reuseSnapshot, FileManager.default.fileExists(atPath: snapshotCopy) {
    try FileManager.default.copyItem(atPath: snapshotCopy, toPath: ledgerPath)
    print("snapshot: reused \(snapshotCopy)")
} else {
    // A scope of its own, so the handle closes (checkpointing the WAL into the file) before the file is copied.
    do {
        let ledger = try Ledger.create(at: ledgerPath)
        let snapshot = try Snapshotter(ledger: ledger, layout: try ExportLayout(root: export)).run()
        print(
            String(
                format: "snapshot: %d records in %.1f s", snapshot.files.reduce(0) { $0 + $1.records },
                seconds(since: start)))
    }
    if reuseSnapshot {
        try? FileManager.default.removeItem(atPath: snapshotCopy)
        try FileManager.default.copyItem(atPath: ledgerPath, toPath: snapshotCopy)
    }
}
let ledger = try Ledger(path: ledgerPath, access: .write)

let context = try TransformContext(
    projectId: "6ba7b810-9dad-11d1-80b4-00c04fd430c8", map: BenchMap.map, members: BenchMap.members)
let companyMap = BenchMap.map.object(source: "companies")!
let contactMap = BenchMap.map.object(source: "contacts")!

/// Wall and CPU seconds of a phase, and its rate both ways.
struct Timing {
    let wall: Double
    let cpu: Double

    static func measure(_ body: () throws -> Void) rethrows -> Timing {
        let (wallStart, cpuStart) = (ContinuousClock.now, cpuSeconds())
        try body()
        return Timing(wall: seconds(since: wallStart), cpu: cpuSeconds() - cpuStart)
    }

    func describe(_ count: Int) -> String {
        String(
            format: "%.2f s wall (%.0f records/s), %.2f s CPU (%.0f records/s)", wall, Double(count) / wall, cpu,
            Double(count) / cpu)
    }
}

// 1. Pure path. Companies fill the parent registry; contacts are read into memory first so only transform and
// validation are timed.
if only != "ledger" {
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
    let read = try Timing.measure { try ledger.forEachCurrentRecord(object: "contacts") { records.append($0) } }
    print("read \(records.count) contacts from the ledger: \(read.describe(records.count))")

    let transformer = RecordTransformer(objectMap: contactMap, context: context)
    var validation = ObjectValidation(policies: context.policies)
    let scan = Timing.measure {
        for record in records { validation.scan(transformer, sourceId: record.sourceId, values: record.values) }
        validation.finishScan()
    }
    var transformed = 0
    var rejected = 0
    let pure = Timing.measure {
        for record in records {
            switch validation.validate(transformer.transform(record), registry: registry).0 {
            case .transformed: transformed += 1
            case .rejected: rejected += 1
            }
        }
    }
    print(
        "pure transform + validate: \(records.count) contacts (\(transformed) transformed, \(rejected) rejected): \(pure.describe(records.count))"
    )
    print("  first pass (unique keys, parent links): \(scan.describe(records.count))")
    print("  both passes: \(Timing(wall: scan.wall + pure.wall, cpu: scan.cpu + pure.cpu).describe(records.count))")
}

// 2. Ledger path: read from the ledger, transform, validate, append events.
if only != "pure" {
    var run = TransformRun(ledger: ledger, map: BenchMap.map, mapSha256: "bench", context: context)
    var objectStart = (ContinuousClock.now, cpuSeconds())
    run.progress = { counts in
        let timing = Timing(wall: seconds(since: objectStart.0), cpu: cpuSeconds() - objectStart.1)
        print(
            "ledger path, \(counts.object): \(counts.source) records (\(counts.transformed) transformed, \(counts.rejected) rejected): \(timing.describe(counts.source))"
        )
        objectStart = (ContinuousClock.now, cpuSeconds())
    }
    var summary: TransformSummary?
    let timing = try Timing.measure { summary = try run.run() }
    guard let summary else { fatalError("the run returned no summary") }
    let total = summary.objects.reduce(0) { $0 + $1.source }
    print(
        "ledger path, all: \(total) records, \(summary.newEvents) events: \(timing.describe(total)); counts add up: \(summary.balances ? "yes" : "NO")"
    )
}
