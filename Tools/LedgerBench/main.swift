import Foundation
import Ledger
import SQLite

// ledger-bench: measures the ledger against the machine's bare SQLite insert rate, and appends synthetic
// events for fixtures and crash tests.
//
//   ledger-bench run    [--events N] [--batch B] [--dir DIR]   the benchmark (release build: swift run -c release)
//   ledger-bench append --ledger FILE [--events N] [--batch B] [--seed S]
//                       appends synthetic events in transactions of B, printing each committed range;
//                       with LEDGER_BENCH_KILL_AFTER_APPENDS=N in the environment, the process kills itself
//                       (SIGKILL) right after the Nth transaction commits and its range is printed: a crash at a
//                       known point, for crash tests. With LEDGER_BENCH_KILL_MIDWAY=1 as well, the next batch is
//                       being written when it dies: a second connection has inserted it in an open transaction and
//                       spilled pages of it into the WAL, uncommitted (one line `uncommitted FIRST...LAST, WAL +B
//                       bytes` reports it)

func option(_ name: String, _ fallback: String) -> String {
    let arguments = CommandLine.arguments
    if let index = arguments.firstIndex(of: name), index + 1 < arguments.count { return arguments[index + 1] }
    return fallback
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// User plus system CPU time of this process so far.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Wall and CPU seconds of `body`.
func measured(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    let cpuStart = processCPUSeconds()
    let wall = try seconds(body)
    return (wall, processCPUSeconds() - cpuStart)
}

func fileSize(_ path: String) -> Int64 {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
}

func rate(_ count: Int, _ time: Double) -> String { String(format: "%9.0f events/s", Double(count) / time) }

/// Inserts `count` events after the head through a second connection with a tiny page cache, so SQLite spills the
/// transaction's pages into the WAL before any commit, and leaves the transaction open. The rows chain by
/// `prev_hash` (the table's insert guard wants that) but their hashes are made up: none must ever be seen.
func writeUncommittedBatch(ledgerPath: String, count: Int) throws {
    let raw = try Database(path: ledgerPath, mode: .readWrite)
    // Committed events move into the database file and the WAL is emptied, so what it holds at the end is only the
    // uncommitted batch, and its size shows that batch got there.
    try raw.execute("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA cache_size = 4; BEGIN IMMEDIATE;")
    let walBefore = fileSize(ledgerPath + "-wal")
    guard
        let head = try raw.query(
            "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1", [], { ($0.int(0), $0.string(1) ?? "") }
        ).first
    else { return }
    let insert = try raw.prepare(
        "INSERT INTO events (seq, recorded_at, run_id, type, object, source_id, twenty_id, payload, prev_hash, hash) "
            + "VALUES (?, '2026-01-01T00:00:00.000Z', 'uncommitted', 'snapshot.taken', NULL, NULL, NULL, ?, ?, ?)")
    let padding = String(repeating: "u", count: 2000)
    var prev = head.1
    for seq in head.0 + 1...head.0 + Int64(count) {
        let hash = String(repeating: "0", count: 48) + String(format: "%016llx", UInt64(seq))
        try insert.execute([.integer(seq), .text(#"{"pad":"\#(padding)"}"#), .text(prev), .text(hash)])
        prev = hash
    }
    let walGrowth = fileSize(ledgerPath + "-wal") - walBefore
    FileHandle.standardOutput.write(
        Data("uncommitted \(head.0 + 1)...\(head.0 + Int64(count)), WAL +\(walGrowth) bytes\n".utf8))
}

let command = CommandLine.arguments.dropFirst().first ?? "run"
let events = Int(option("--events", "1000000")) ?? 1_000_000
let batch = Int(option("--batch", "1000")) ?? 1000

switch command {
case "append":
    let path = option("--ledger", "ledger.sqlite")
    let seed = UInt64(option("--seed", "1")) ?? 1
    let ledger =
        FileManager.default.fileExists(atPath: path)
        ? try Ledger(path: path, access: .write) : try Ledger.create(at: path)
    let killAfter = ProcessInfo.processInfo.environment["LEDGER_BENCH_KILL_AFTER_APPENDS"].flatMap { Int($0) }
    let all = SyntheticEvents.make(count: events, seed: seed)
    var offset = 0
    var appends = 0
    while offset < all.count {
        let slice = Array(all[offset..<min(offset + batch, all.count)])
        if let range = try ledger.append(slice) {
            // Unbuffered, so a test that kills this process knows exactly which transactions had committed.
            FileHandle.standardOutput.write(Data("committed \(range.lowerBound)...\(range.upperBound)\n".utf8))
            appends += 1
            if let killAfter, appends >= killAfter {
                if ProcessInfo.processInfo.environment["LEDGER_BENCH_KILL_MIDWAY"] == "1" {
                    try writeUncommittedBatch(ledgerPath: path, count: batch)
                }
                // No cleanup, no SQLite close, no checkpoint: the ledger is left as a power cut would leave it.
                kill(getpid(), SIGKILL)
            }
        }
        offset += slice.count
    }

case "run":
    let dir = option("--dir", NSTemporaryDirectory() + "ledger-bench-\(getpid())")
    try? FileManager.default.removeItem(atPath: dir)
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    print("ledger-bench: \(events) events in batches of \(batch), SQLite \(Database.libraryVersion), in \(dir)")
    let all = SyntheticEvents.make(count: events, seed: 1)

    // The ledger: canonical JSON, SHA-256 chain, triggers, indexes and projections, one transaction per batch.
    let ledgerPath = dir + "/ledger.sqlite"
    var ledger: Ledger! = try Ledger.create(at: ledgerPath)
    let (appendTime, appendCPU) = try measured {
        var offset = 0
        while offset < all.count {
            try ledger.append(Array(all[offset..<min(offset + batch, all.count)]))
            offset += batch
        }
    }
    let rows = try BareInsert.rows(from: ledgerPath)
    let ledgerBytes = fileSize(ledgerPath) + fileSize(ledgerPath + "-wal")

    // References: the same rows through the bare C API, no hashing or encoding.
    let bareSame = try BareInsert.run(rows: rows, path: dir + "/bare-same-schema.sqlite", batch: batch, indexes: true)
    let barePlain = try BareInsert.run(rows: rows, path: dir + "/bare-plain.sqlite", batch: batch, indexes: false)

    var report: VerificationReport?
    let verifyTime = try seconds { report = try ledger.verify() }
    var rebuilt: RebuildReport?
    let (rebuildTime, rebuildCPU) = try measured { rebuilt = try ledger.rebuildProjections(check: false) }
    ledger = nil  // releases the writer lock
    var reopened: Ledger?
    let reopenTime = try seconds { reopened = try Ledger(path: ledgerPath, access: .write) }
    _ = reopened

    print("")
    print("bare insert, plain table (no index)     \(rate(events, barePlain.seconds))")
    print("bare insert, same table + indexes       \(rate(events, bareSame.seconds))")
    print(
        "ledger append (hash, JSON, projections) \(rate(events, appendTime))"
            + String(
                format: "   = %.0f%% of plain, %.0f%% of same-schema",
                100 * barePlain.seconds / appendTime, 100 * bareSame.seconds / appendTime))
    print("ledger verify                           \(rate(events, verifyTime))   intact: \(report?.isIntact ?? false)")
    print("ledger rebuild (all projections)        \(rate(events, rebuildTime))   rows: \(rebuilt?.rowsWritten ?? 0)")
    // On a shared machine the wall-clock rates move with the other work; CPU time moves much less.
    print(
        "CPU time: ledger append \(rate(events, appendCPU)), bare plain \(rate(events, barePlain.cpuSeconds)),"
            + " bare same-schema \(rate(events, bareSame.cpuSeconds)), rebuild \(rate(events, rebuildCPU))"
            + String(
                format: "   append = %.0f%% of plain, %.0f%% of same-schema", 100 * barePlain.cpuSeconds / appendCPU,
                100 * bareSame.cpuSeconds / appendCPU))
    print(String(format: "reopen a %d-event ledger for writing    %.3f s", events, reopenTime))
    print(
        String(
            format: "bytes on disk per event                 %.0f (ledger incl. projections), %.0f (bare plain)",
            Double(ledgerBytes) / Double(events), Double(barePlain.bytes) / Double(events)))
    try? FileManager.default.removeItem(atPath: dir)

default:
    FileHandle.standardError.write(Data("usage: ledger-bench run|append [options]\n".utf8))
    exit(2)
}
