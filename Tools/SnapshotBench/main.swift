import AllegoryExport
import Foundation
import Ledger
import SourceSnapshot

// snapshot-bench FILE.csv [--runs N]: the first snapshot of an export holding only FILE, and the unchanged second
// one, each into a fresh ledger, beside the reference for "parse a CSV and store it in SQLite":
// `sqlite3 :memory: '.import --csv FILE t'`, timed in the same run on the same file. Each is run N times (3 by
// default) and the median printed, since the machine is shared; the targets of issue 15 are the first snapshot
// within 3x of the reference and the second at least 2x faster than the first.

let arguments = Array(CommandLine.arguments.dropFirst())
guard let csv = arguments.first, csv.hasSuffix(".csv") else {
    FileHandle.standardError.write(Data("usage: snapshot-bench FILE.csv [--runs N]\n".utf8))
    exit(2)
}
let runs = arguments.firstIndex(of: "--runs").flatMap { Int(arguments[$0 + 1]) } ?? 3
let source = URL(fileURLWithPath: csv)

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

/// The sqlite3 shell's own import of the file into an in-memory table; nil when there is no sqlite3 on the PATH.
func referenceImport() throws -> Double? {
    let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map {
        "\($0)/sqlite3"
    }
    guard let shell = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: shell)
    process.arguments = [":memory:", ".import --csv \(source.path) t"]
    return try seconds {
        try process.run()
        process.waitUntilExit()
    }
}

// The export is a folder holding the file alone, under its own name so the layout recognises its object: a hard
// link when the file system allows one, else a copy (the layout reads regular files, not symbolic links).
let work = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-bench-\(UUID().uuidString)")
let export = work.appendingPathComponent("export")
try FileManager.default.createDirectory(at: export, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }
let placed = export.appendingPathComponent(source.lastPathComponent)
do {
    try FileManager.default.linkItem(at: source, to: placed)
} catch {
    try FileManager.default.copyItem(at: source, to: placed)
}

var references: [Double] = []
var firsts: [Double] = []
var seconds2: [Double] = []
var records = 0
for run in 1...runs {
    if let reference = try referenceImport() { references.append(reference) }
    let path = work.appendingPathComponent("ledger-\(run).sqlite").path
    let ledger = try Ledger.create(at: path)
    firsts.append(
        try seconds {
            records = try Snapshotter(ledger: ledger, layout: try ExportLayout(root: export)).run().extracted
        })
    seconds2.append(try seconds { _ = try Snapshotter(ledger: ledger, layout: try ExportLayout(root: export)).run() })
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    print(
        String(
            format: "run %d: sqlite3 .import %@, first snapshot %.2f s, unchanged %.2f s", run,
            references.last.map { String(format: "%.2f s", $0) } ?? "(no sqlite3)", firsts.last!, seconds2.last!))
}
let first = median(firsts)
let second = median(seconds2)
print("\(source.lastPathComponent): \(records) records, median of \(runs)")
if !references.isEmpty {
    let reference = median(references)
    print(String(format: "sqlite3 .import    %.2f s  (the reference)", reference))
    print(String(format: "first snapshot     %.2f s  %.1fx the reference (target <= 3x)", first, first / reference))
} else {
    print(String(format: "first snapshot     %.2f s  (no sqlite3 on the PATH for the reference)", first))
}
print(String(format: "unchanged snapshot %.2f s  %.1fx faster than the first (target >= 2x)", second, first / second))
