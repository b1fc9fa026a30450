import Foundation
import Ledger
import SQLite
import Synchronization
import Testing

/// Runs a built product (crm-migrate, ledger-bench) from the same build directory as the tests.
struct Tool {
    let url: URL

    init(_ name: String) {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        url =
            candidates.map { $0.appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
            ?? candidates[0].appendingPathComponent(name)
    }

    /// Any executable, such as `/bin/sh`.
    init(url: URL) { self.url = url }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    @discardableResult
    func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes are drained at once: read one to its end first and a child filling the other's buffer (64 KiB)
        // blocks on its write, never closes the first, and both wait forever.
        let stderrDrain = PipeDrain(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = stderrDrain.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Reads a pipe to its end on another thread; `wait()` returns what it read once the writer has closed it.
final class PipeDrain: Sendable {
    private let data = Mutex(Data())
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            let read = handle.readDataToEndOfFile()
            self.data.withLock { $0 = read }
            self.done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data.withLock { $0 }
    }
}

final class TemporaryDirectory {
    let url: URL
    init() {
        url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "crm-migrate-cli-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}

@Suite("crm-migrate command line")
struct CLITests {
    let crmMigrate = Tool("crm-migrate")

    @Test("init creates a project whose ledger holds one project.created event and verifies")
    func initAndVerify() throws {
        let dir = TemporaryDirectory()
        let project = dir.url.appendingPathComponent("acme").path
        let created = try crmMigrate.run(["init", project, "--name", "Acme"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Created project \"Acme\""))
        let log = try crmMigrate.run(["ledger", "log", "--project", project, "--json"])
        #expect(log.status == 0)
        let lines = log.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains(#""type":"project.created""#) == true)
        let verify = try crmMigrate.run(["ledger", "verify", "--project", project])
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("OK, 1 events"))
    }

    @Test("init refuses a directory that already holds a project")
    func initTwiceRefused() throws {
        let dir = TemporaryDirectory()
        let project = dir.url.appendingPathComponent("p").path
        try crmMigrate.run(["init", project])
        let again = try crmMigrate.run(["init", project])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already holds a crm-migrate project"))
    }

    @Test("a command outside a project says how to create one")
    func notAProject() throws {
        let dir = TemporaryDirectory()
        let result = try crmMigrate.run(["ledger", "stats"], in: dir.url)
        #expect(result.status != 0)
        #expect(result.stderr.contains("is not a crm-migrate project"))
    }

    @Test("verify on a tampered ledger exits non-zero naming the first bad sequence number")
    func verifyTampered() throws {
        let dir = TemporaryDirectory()
        let project = dir.url.appendingPathComponent("p")
        try crmMigrate.run(["init", project.path])
        let bench = Tool("ledger-bench")
        let appended = try bench.run([
            "append", "--ledger", project.appendingPathComponent("ledger.sqlite").path, "--events", "40", "--batch",
            "10",
        ])
        #expect(appended.status == 0, "\(appended.stderr)")
        let raw = try Database(path: project.appendingPathComponent("ledger.sqlite").path, mode: .readWrite)
        try raw.execute(
            """
            DROP TRIGGER events_refuse_update;
            UPDATE events SET payload = replace(payload, 'contacts.csv', 'contacts.CSV') WHERE seq = 18;
            """)
        let verify = try crmMigrate.run(["ledger", "verify", "--project", project.path])
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("FAILED at event 18"))
    }

    @Test("a second process that tries to write the project is refused with the holder's pid")
    func secondWriterProcessRefused() throws {
        let dir = TemporaryDirectory()
        let project = dir.url.appendingPathComponent("p")
        try crmMigrate.run(["init", project.path])
        let holder = try Ledger(path: project.appendingPathComponent("ledger.sqlite").path, access: .write)
        let result = try crmMigrate.run(["ledger", "rebuild", "--project", project.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("being written by process \(getpid())"))
        // Readers are not refused while the writer holds the lock.
        #expect(try crmMigrate.run(["ledger", "rebuild", "--check", "--project", project.path]).status == 0)
        #expect(try crmMigrate.run(["ledger", "log", "--project", project.path]).status == 0)
        _ = holder
    }

    @Test("log filters by type, object and source id")
    func logFilters() throws {
        let dir = TemporaryDirectory()
        let project = dir.url.appendingPathComponent("p")
        try crmMigrate.run(["init", project.path])
        try Tool("ledger-bench").run([
            "append", "--ledger", project.appendingPathComponent("ledger.sqlite").path, "--events", "20",
        ])
        let created = try crmMigrate.run([
            "ledger", "log", "--project", project.path, "--type", "record.created", "--json",
        ])
        #expect(created.stdout.split(separator: "\n").count == 10)
        let one = try crmMigrate.run([
            "ledger", "log", "--project", project.path, "--object", "contacts", "--source-id", "C-0000003", "--json",
        ])
        #expect(one.stdout.split(separator: "\n").count == 1)
        #expect(one.stdout.contains(#""source_id":"C-0000003""#))
        let none = try crmMigrate.run(["ledger", "log", "--project", project.path, "--since", "2999-01-01", "--json"])
        #expect(none.stdout.isEmpty)
        let bad = try crmMigrate.run(["ledger", "log", "--project", project.path, "--since", "yesterday"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("is not a date or time"))
    }

    @Test("show prints an event's columns and payload, and names the range for a missing one")
    func show() throws {
        let dir = TemporaryDirectory()
        let project = dir.url.appendingPathComponent("p")
        try crmMigrate.run(["init", project.path, "--name", "Show"])
        let shown = try crmMigrate.run(["ledger", "show", "1", "--project", project.path])
        #expect(shown.stdout.contains("type         project.created"))
        #expect(shown.stdout.contains("\"name\" : \"Show\""))
        let missing = try crmMigrate.run(["ledger", "show", "7", "--project", project.path])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("there is no event 7; the ledger holds events 1 to 1"))
    }

    @Test("stats counts events per type")
    func stats() throws {
        let dir = TemporaryDirectory()
        let project = dir.url.appendingPathComponent("p")
        try crmMigrate.run(["init", project.path])
        try Tool("ledger-bench").run([
            "append", "--ledger", project.appendingPathComponent("ledger.sqlite").path, "--events", "30",
        ])
        let stats = try crmMigrate.run(["ledger", "stats", "--project", project.path])
        #expect(stats.stdout.contains("events       31 in 2 run(s)"))
        #expect(stats.stdout.range(of: #"record\.extracted\s+15\s"#, options: .regularExpression) != nil)
    }
}

@Suite("crm-migrate audit")
struct AuditCommandTests {
    let crmMigrate = Tool("crm-migrate")

    @Test("audit --export snapshots, writes audit.json and audit.html, and prints findings with their lines")
    func auditWritesReports() throws {
        let dir = TemporaryDirectory()
        let export = dir.url.appendingPathComponent("export")
        let project = dir.url.appendingPathComponent("p")
        try FileManager.default.createDirectory(at: export, withIntermediateDirectories: true)
        try Data("Contact ID,First Name,Email\nC1,Ada,ada@x.com\nC2,Grace,grace@\nC1,Dup,dup@x.com\n".utf8)
            .write(to: export.appendingPathComponent("contacts.csv"))
        try crmMigrate.run(["init", project.path])
        let result = try crmMigrate.run([
            "audit", "--project", project.path, "--export", export.path, "--rate", "50/60s",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("invalid-email"))
        #expect(result.stdout.contains("contacts.csv:3 C2"))
        #expect(result.stdout.contains("duplicate-id"))
        #expect(result.stdout.contains("at 50/60s"))
        let json = try Data(contentsOf: project.appendingPathComponent("reports/audit.json"))
        let report = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        #expect((report?["findings"] as? [Any])?.count == 2)
        let html = try String(contentsOf: project.appendingPathComponent("reports/audit.html"), encoding: .utf8)
        // The page opens with its summary, then the two findings under their severity.
        #expect(html.contains("id=\"summary\""))
        #expect(html.contains("Must be fixed (1)") && html.contains("Needs a decision (1)"))
    }

    @Test("exclusion rules kept in project.json apply on every audit and are recorded once per record")
    func rulesInProjectFile() throws {
        let dir = TemporaryDirectory()
        let export = dir.url.appendingPathComponent("export")
        let project = dir.url.appendingPathComponent("p")
        try FileManager.default.createDirectory(at: export, withIntermediateDirectories: true)
        try Data(#"{"exportedAt": "2026-06-30T00:00:00Z"}"#.utf8).write(
            to: export.appendingPathComponent("manifest.json"))
        try Data(
            "Contact ID,First Name,Email,Last Activity\nC1,Ada,ada@x.com,2026-05-01T00:00:00Z\nC2,Old,old@x.com,2020-01-01T00:00:00Z\n"
                .utf8
        )
        .write(to: export.appendingPathComponent("contacts.csv"))
        try crmMigrate.run(["init", project.path])
        let settingsURL = project.appendingPathComponent("project.json")
        var settings = try JSONSerialization.jsonObject(with: Data(contentsOf: settingsURL)) as! [String: Any]
        settings["exclude"] = ["stale-contacts"]
        try JSONSerialization.data(withJSONObject: settings).write(to: settingsURL)
        let first = try crmMigrate.run(["audit", "--project", project.path, "--export", export.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("excluded by stale-contacts: 1 contacts"))
        try crmMigrate.run(["audit", "--project", project.path])
        let excluded = try crmMigrate.run([
            "ledger", "log", "--project", project.path, "--type", "record.excluded", "--json",
        ])
        #expect(excluded.stdout.split(separator: "\n").count == 1)
        #expect(excluded.stdout.contains(#""source_id":"C2""#))
    }

    @Test("an unknown exclusion rule or a malformed rate is refused before any work")
    func validation() throws {
        let bad = try crmMigrate.run(["audit", "--exclude", "old-deals"])
        #expect(bad.status != 0)
        #expect(
            bad.stderr.contains("'old-deals' is invalid for '--exclude <rule>'. Please provide one of 'stale-contacts'")
        )
        let rate = try crmMigrate.run(["audit", "--rate", "fast"])
        #expect(rate.status != 0)
        #expect(rate.stderr.contains("'fast' is invalid for '--rate <rate>'"))
        #expect(rate.stderr.contains("COUNT/DURATION (100/60s, 500/250ms)"))
    }
}

@Suite("crm-migrate peek")
struct PeekTests {
    let crmMigrate = Tool("crm-migrate")

    private func file(_ text: String, _ name: String = "odd.csv") throws -> (TemporaryDirectory, String) {
        let dir = TemporaryDirectory()
        let path = dir.url.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return (dir, path)
    }

    @Test("--json prints one object per record on stdout and the findings on stderr")
    func json() throws {
        let (dir, path) = try file("Export of 2026-06-30\nId;Name;Note\n1;Ada;\"a;b\"\n2;Grace\n")
        let result = try crmMigrate.run(["peek", path, "--json"])
        #expect(result.status == 0)
        #expect(
            result.stdout == #"{"Id":"1","Name":"Ada","Note":"a;b"}"# + "\n" + #"{"Id":"2","Name":"Grace","Note":""}"#
                + "\n")
        #expect(result.stderr.contains("odd.csv:1: banner-line"))
        #expect(result.stderr.contains("odd.csv:4: ragged-row"))
        _ = dir
    }

    @Test("--limit stops early and --columns profiles each column")
    func limitAndColumns() throws {
        let (dir, path) = try file(
            "Email,Created,Plan\na@x.com,2024-01-02,Pro\nb@y.org,2024-02-03,Pro\nc@z.net,2024-03-04,Free\nd@w.io,2024-04-05,Pro\n"
        )
        let limited = try crmMigrate.run(["peek", path, "--limit", "1"])
        #expect(limited.stdout.contains("-- record 1, line 2"))
        #expect(!limited.stdout.contains("-- record 2"))
        let columns = try crmMigrate.run(["peek", path, "--columns"])
        #expect(columns.stdout.range(of: #"Email\s+email\s+100%"#, options: .regularExpression) != nil)
        #expect(columns.stdout.range(of: #"Created\s+date \(YYYY-MM-DD\)"#, options: .regularExpression) != nil)
        #expect(columns.stdout.range(of: #"Plan\s+pick-list \(2 values\)"#, options: .regularExpression) != nil)
        _ = dir
    }
}

@Suite("Running a tool")
struct ToolRunTests {
    @Test("a command writing far more than a pipe's 64 KiB to stderr, and more to stdout, is read in full from both")
    func largeStderrAndStdout() throws {
        let dir = TemporaryDirectory()
        // A long file name makes every finding line long; every other row has a cell too many.
        let name = "contacts-" + String(repeating: "x", count: 150) + ".csv"
        let rows = 2000
        func nameCell(_ row: Int) -> String { "Name \(row) of the contacts in this rather large export" }
        var csv = "Id,Name\n"
        for row in 1...rows { csv += "\(row),\(nameCell(row))" + (row % 2 == 0 ? ",extra\n" : "\n") }
        let path = dir.url.appendingPathComponent(name)
        try Data(csv.utf8).write(to: path)

        let result = try Tool("crm-migrate").run(["peek", path.path, "--json"])
        #expect(result.status == 0, "\(result.stderr.suffix(500))")
        #expect(result.stderr.utf8.count > 3 * 64 * 1024)
        #expect(result.stdout.utf8.count > 64 * 1024)
        // stdout: every record, in order, to the last.
        let records = result.stdout.split(separator: "\n").map(String.init)
        let expectedRecords = (1...rows).map { #"{"Id":"\#($0)","Name":"\#(nameCell($0))""# }
        #expect(records.count == rows)
        let wrongRecords = zip(records, expectedRecords).filter { !$0.0.hasPrefix($0.1) }
        #expect(wrongRecords.isEmpty, "first unexpected record: \(String(describing: wrongRecords.first))")
        // stderr: one finding per ragged row (lines 3, 5, ... 2001), then the summary.
        let findings = result.stderr.split(separator: "\n").map(String.init)
        #expect(findings.count == rows / 2 + 1)
        let expectedFindings = (1...rows / 2).map {
            "finding: \(name):\($0 * 2 + 1): ragged-row: 3 cells where the header has 2"
        }
        let wrongFindings = zip(findings, expectedFindings).filter { !$0.0.hasPrefix($0.1) }
        #expect(wrongFindings.isEmpty, "first unexpected finding: \(String(describing: wrongFindings.first))")
        #expect(findings.last == "\(rows) record(s) printed, \(rows / 2) finding(s)")
    }

    @Test("a child interleaving a megabyte on each of stderr and stdout is read in full from both")
    func interleavedMegabytes() throws {
        let shell = Tool(url: URL(fileURLWithPath: "/bin/sh"))
        // 16384 lines of 64 bytes on each stream, alternating, so each pipe fills many times while the other waits.
        let line = String(repeating: "e", count: 63)
        let script = """
            i=0; while [ $i -lt 16384 ]; do echo "\(line)" >&2; echo "\(line.uppercased())"; i=$((i+1)); done; echo end >&2
            """
        let result = try shell.run(["-c", script])
        #expect(result.status == 0)
        #expect(result.stderr == String(repeating: line + "\n", count: 16384) + "end\n")
        #expect(result.stdout == String(repeating: line.uppercased() + "\n", count: 16384))
    }

    @Test("the environment given to a run is merged into the child's")
    func environmentReachesTheChild() throws {
        let shell = Tool(url: URL(fileURLWithPath: "/bin/sh"))
        let result = try shell.run(
            ["-c", #"printf '%s' "$CRM_MIGRATE_TOOL_TEST" >&2; printf '%s' "${PATH:+path}""#],
            environment: ["CRM_MIGRATE_TOOL_TEST": "given"])
        #expect(result.stderr == "given")
        #expect(result.stdout == "path")
    }
}

@Suite("Crash safety")
struct CrashTests {
    /// Runs `ledger-bench append` in batches of `batch` until it kills itself (SIGKILL) right after its `appends`th
    /// commit, `midway` with the next batch half written, uncommitted, in the WAL; returns its stdout lines.
    private func appendUntilKilled(path: String, batch: Int, appends: Int, midway: Bool) throws -> [String] {
        var environment = ["LEDGER_BENCH_KILL_AFTER_APPENDS": "\(appends)"]
        if midway { environment["LEDGER_BENCH_KILL_MIDWAY"] = "1" }
        let result = try Tool("ledger-bench").run(
            ["append", "--ledger", path, "--events", "\(batch * 16)", "--batch", "\(batch)"], environment: environment)
        #expect(result.status == SIGKILL, "expected SIGKILL, got \(result.status): \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test(
        "a process killed right after its Nth committed append, or inside the next one, leaves a ledger that opens, verifies and ends at the Nth",
        arguments: [1, 2, 3, 7, 12], [false, true])
    func killedAfterNthAppend(appends: Int, midway: Bool) throws {
        let dir = TemporaryDirectory()
        let path = dir.url.appendingPathComponent("ledger.sqlite").path
        let batch = 250
        let lastCommitted = Int64(appends * batch)
        var output = try appendUntilKilled(path: path, batch: batch, appends: appends, midway: midway)
        if midway {
            // The next batch was in the WAL, uncommitted, when the process died.
            let uncommitted = output.popLast() ?? ""
            #expect(uncommitted.hasPrefix("uncommitted \(lastCommitted + 1)...\(lastCommitted + Int64(batch)), WAL +"))
            let growth = uncommitted.split(separator: "+").last.flatMap { Int($0.split(separator: " ").first ?? "") }
            #expect((growth ?? 0) > 0, "nothing of the uncommitted batch reached the WAL: \(uncommitted)")
        }
        // The process reported exactly the commits before its death, in order.
        #expect(output == (0..<appends).map { "committed \($0 * batch + 1)...\(($0 + 1) * batch)" })

        let ledger = try Ledger(path: path, access: .write)
        let report = try ledger.verify()
        #expect(report.isIntact, "\(String(describing: report.problem))")
        #expect(ledger.head.seq == lastCommitted)
        #expect(try ledger.rebuildProjections(check: true).matches)
        #expect(try ledger.projectionCursors().values.allSatisfy { $0 == lastCommitted })
        // The file holds exactly those events: no partial batch, no gap.
        let raw = try Database(path: path, mode: .readOnly)
        #expect(try raw.scalar("SELECT count(*) FROM events") == .integer(lastCommitted))
        #expect(try raw.scalar("SELECT max(seq) FROM events") == .integer(lastCommitted))
        #expect(try raw.scalar("SELECT count(*) FROM events WHERE run_id = 'uncommitted'") == .integer(0))

        // And it takes the next append where the dead process stopped.
        let next = try ledger.append([.snapshotTaken(SnapshotTaken(snapshot: 99, exportPath: "/export", files: []))])
        #expect(next == (lastCommitted + 1)...(lastCommitted + 1))
        #expect(try ledger.verify().isIntact)
    }
}
