import AllegoryExport
import CanonicalJSON
import Foundation
import Ledger
import MigrationEngine
import SQLite
import TwentyClient
import TwentyClientSandbox
import TwentySandbox

/// A copy of a rig's project and sandbox as they stand (prepared and transformed, nothing run yet), so a test can
/// run the same migration many times from the same start. The copy keeps the project id, so every copy writes the
/// same record ids and their workspaces can be compared by digest.
final class RigReplica {
    let root: URL
    let rig: MigrationRig
    let project: Project
    let engine: SandboxEngine

    convenience init(of rig: MigrationRig) throws {
        try self.init(rig: rig, project: rig.project.directory, sandbox: rig.root.appendingPathComponent("sandbox"))
    }

    /// A copy of `other` as it stands now (after a run, say), to start many rollbacks from the same migrated state.
    convenience init(copying other: RigReplica) throws {
        try self.init(
            rig: other.rig, project: other.project.directory, sandbox: other.root.appendingPathComponent("sandbox"))
    }

    private init(rig: MigrationRig, project projectDirectory: URL, sandbox sandboxDirectory: URL) throws {
        self.rig = rig
        root = FileManager.default.temporaryDirectory.appendingPathComponent("replica-\(UUID())")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        // The project's ledger is closed (no handle outlives a command), so its files copy as they are.
        let projectCopy = root.appendingPathComponent("project")
        try FileManager.default.copyItem(at: projectDirectory, to: projectCopy)
        project = try Project.open(at: projectCopy)
        // The source's sandbox engine is still open: `VACUUM INTO` copies its database consistently, WAL included.
        let sandboxCopy = root.appendingPathComponent("sandbox")
        try FileManager.default.createDirectory(at: sandboxCopy, withIntermediateDirectories: true)
        let source = try Database(
            path: sandboxDirectory.appendingPathComponent("sandbox.sqlite").path, mode: .readOnly)
        try source.run("VACUUM INTO ?", [.text(sandboxCopy.appendingPathComponent("sandbox.sqlite").path)])
        engine = try SandboxEngine(dataDirectory: sandboxCopy.path, options: SandboxOptions())
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// A client of this copy's sandbox; with `crash`, one that dies at its call crash point and does not retry
    /// (a dead process retries nothing, and backing off against a dead transport would only cost time).
    func client(crash: InProcessCrash? = nil) throws -> TwentyClient {
        let transport = SandboxTransport(engine)
        return TwentyClient(
            connection: try TwentyConnection(
                url: "http://127.0.0.1:3000", apiKey: TwentyAPIKey("engine-tests-key-0123456789")),
            transport: crash.map { CrashingTransport(inner: transport, crash: $0) } ?? transport,
            limits: RateLimits(shortLimit: 1_000_000, longLimit: 1_000_000),
            retry: crash == nil ? RetryPolicy() : RetryPolicy(maxAttempts: 1))
    }

    /// Runs the migration once, dying at `crash`'s point when it has one; returns whether the run completed.
    @discardableResult
    func run(crash: InProcessCrash? = nil) async throws -> Bool {
        let client = try client(crash: crash)
        let ledger = try project.openLedger(.write)
        crash?.arm(ledger)
        let source = try ExportSource(url: rig.root.appendingPathComponent("export"))
        do {
            // Reading the workspace is the run's first calls, so a crash point can fall there too.
            let run = MigrationRun(
                client: client, ledger: ledger, workspace: try await client.describeWorkspace(),
                map: rig.confirmed.map, mapSha256: rig.confirmed.sha256, projectId: project.settings.projectId,
                source: source)
            _ = try await run.run()
        } catch  where crash?.crashed == true {
            // The crash, or whatever the command made of it while unwinding: the process would be gone.
        }
        return crash?.crashed != true
    }

    /// The ledger as the run left it, for checks after the handle the run used is gone.
    func ledger() throws -> Ledger { try project.openLedger(.write) }

    /// The sandbox's records and files as a correct migration reproduces them (`/_sandbox/record-state`), with
    /// the server's own clock masked from `clockFrom` on.
    func recordState(clockFrom: String) async throws -> JSONValue {
        try await client().get("_sandbox/record-state?clock-from=\(clockFrom)")
    }
}
