import Foundation
import Ledger
import SQLite
import Testing

/// Runs a built product (crm-migrate, ledger-bench) from the same build directory as the tests.
struct Tool {
    let url: URL

    init(_ name: String) {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        url = candidates.map { $0.appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0].appendingPathComponent(name)
    }

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
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}

final class TemporaryDirectory {
    let url: URL
    init() {
        url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("crm-migrate-cli-\(UUID().uuidString)")
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
        let appended = try bench.run(["append", "--ledger", project.appendingPathComponent("ledger.sqlite").path, "--events", "40", "--batch", "10"])
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
        try Tool("ledger-bench").run(["append", "--ledger", project.appendingPathComponent("ledger.sqlite").path, "--events", "20"])
        let created = try crmMigrate.run(["ledger", "log", "--project", project.path, "--type", "record.created", "--json"])
        #expect(created.stdout.split(separator: "\n").count == 10)
        let one = try crmMigrate.run(["ledger", "log", "--project", project.path, "--object", "contacts", "--source-id", "C-0000003", "--json"])
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
        try Tool("ledger-bench").run(["append", "--ledger", project.appendingPathComponent("ledger.sqlite").path, "--events", "30"])
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
        let result = try crmMigrate.run(["audit", "--project", project.path, "--export", export.path, "--rate", "50/60s"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("invalid-email"))
        #expect(result.stdout.contains("contacts.csv:3 C2"))
        #expect(result.stdout.contains("duplicate-id"))
        #expect(result.stdout.contains("at 50/60s"))
        let json = try Data(contentsOf: project.appendingPathComponent("reports/audit.json"))
        let report = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        #expect((report?["findings"] as? [Any])?.count == 2)
        let html = try String(contentsOf: project.appendingPathComponent("reports/audit.html"), encoding: .utf8)
        #expect(html.contains("<h2>Findings (2)</h2>"))
    }

    @Test("exclusion rules kept in project.json apply on every audit and are recorded once per record")
    func rulesInProjectFile() throws {
        let dir = TemporaryDirectory()
        let export = dir.url.appendingPathComponent("export")
        let project = dir.url.appendingPathComponent("p")
        try FileManager.default.createDirectory(at: export, withIntermediateDirectories: true)
        try Data(#"{"exportedAt": "2026-06-30T00:00:00Z"}"#.utf8).write(to: export.appendingPathComponent("manifest.json"))
        try Data("Contact ID,First Name,Email,Last Activity\nC1,Ada,ada@x.com,2026-05-01T00:00:00Z\nC2,Old,old@x.com,2020-01-01T00:00:00Z\n".utf8)
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
        let excluded = try crmMigrate.run(["ledger", "log", "--project", project.path, "--type", "record.excluded", "--json"])
        #expect(excluded.stdout.split(separator: "\n").count == 1)
        #expect(excluded.stdout.contains(#""source_id":"C2""#))
    }

    @Test("an unknown exclusion rule or a malformed rate is refused before any work")
    func validation() throws {
        let bad = try crmMigrate.run(["audit", "--exclude", "old-deals"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("there is no exclusion rule \"old-deals\""))
        let rate = try crmMigrate.run(["audit", "--rate", "fast"])
        #expect(rate.stderr.contains("is not COUNT/SECONDSs"))
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
        #expect(result.stdout == #"{"Id":"1","Name":"Ada","Note":"a;b"}"# + "\n" + #"{"Id":"2","Name":"Grace","Note":""}"# + "\n")
        #expect(result.stderr.contains("odd.csv:1: banner-line"))
        #expect(result.stderr.contains("odd.csv:4: ragged-row"))
        _ = dir
    }

    @Test("--limit stops early and --columns profiles each column")
    func limitAndColumns() throws {
        let (dir, path) = try file("Email,Created,Plan\na@x.com,2024-01-02,Pro\nb@y.org,2024-02-03,Pro\nc@z.net,2024-03-04,Free\nd@w.io,2024-04-05,Pro\n")
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

@Suite("Crash safety")
struct CrashTests {
    @Test("a process killed with SIGKILL during a large append leaves a ledger that opens, verifies and holds whole transactions")
    func killedDuringAppend() throws {
        let dir = TemporaryDirectory()
        let path = dir.url.appendingPathComponent("ledger.sqlite").path
        let batch = 500
        let process = Process()
        process.executableURL = Tool("ledger-bench").url
        process.arguments = ["append", "--ledger", path, "--events", "300000", "--batch", "\(batch)"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        // Wait until several transactions have committed, then kill without warning.
        var seen = ""
        while seen.components(separatedBy: "committed").count < 6 {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        seen += String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let lastReported = seen.split(separator: "\n").compactMap { line -> Int64? in
            guard let range = line.range(of: "...") else { return nil }
            return Int64(line[range.upperBound...])
        }.max() ?? 0

        let ledger = try Ledger(path: path, access: .write)
        let report = try ledger.verify()
        #expect(report.isIntact, "\(String(describing: report.problem))")
        // Every reported commit survived, and nothing but whole transactions is there.
        #expect(ledger.head.seq >= lastReported)
        #expect(ledger.head.seq % Int64(batch) == 0)
        #expect(try ledger.rebuildProjections(check: true).matches)
        #expect(try ledger.projectionCursors().values.allSatisfy { $0 == ledger.head.seq })
    }
}
