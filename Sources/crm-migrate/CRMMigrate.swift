import ArgumentParser
import Foundation
import Ledger
import Logging

@main
struct CRMMigrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crm-migrate",
        abstract: "Move CRM data from an Allegory export into a Twenty workspace, and prove and undo what was done.",
        discussion: """
            Every step is an event in the project's append-only, hash-chained ledger (PROJECT_DIR/ledger.sqlite).
            Start with `crm-migrate init PROJECT_DIR`; inspect the ledger with `crm-migrate ledger ...`.
            Set CRM_MIGRATE_LOG_LEVEL (trace, debug, info, warning, error) to change what is logged to stderr.
            """,
        version: ToolVersion.current,
        subcommands: [
            // The order of a migration, so that `--help` reads as the walk-through does.
            DemoCommand.self,
            InitCommand.self,
            SnapshotCommand.self,
            AuditCommand.self,
            MapCommand.self,
            PrepareCommand.self,
            TransformCommand.self,
            SampleCommand.self,
            RunCommand.self,
            DeltaCommand.self,
            ReconcileCommand.self,
            RollbackCommand.self,
            ReportCommand.self,
            ExportCSVCommand.self,
            LedgerCommand.self,
            TwentyCommand.self,
            SandboxCommand.self,
            PeekCommand.self,
            UnderstandCommand.self,
        ])

    /// Async so that long-running commands (the sandbox server, writes to Twenty) can be `AsyncParsableCommand`s.
    static func main() async {
        let level =
            ProcessInfo.processInfo.environment["CRM_MIGRATE_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) }
            ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// `--project DIR`, shared by every command that works on a project.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "The project directory.", completion: .directory)
    var project: String = "."

    var directory: URL { URL(fileURLWithPath: project) }

    func open() throws -> Project { try Project.open(at: directory) }
}

/// Errors of the tool's own, printed as the one sentence they carry.
struct UserFacingError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
