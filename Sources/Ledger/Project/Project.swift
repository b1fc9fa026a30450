import CanonicalJSON
import Foundation

/// A migration project: a directory holding the ledger, the settings, the field map and the reports.
///
///     PROJECT_DIR/
///       project.json     settings: the project's id and name
///       ledger.sqlite    the event ledger (mode 0600), with -wal and -shm beside it while in use
///       ledger.lock      held by the one command writing the ledger; holds its pid
///       reports/         reports written by commands (audit, review, reconciliation, ...)
public struct Project: Sendable {
    public struct Settings: Codable, Sendable, Equatable {
        public var projectId: String
        public var name: String
        public var createdAt: String
        /// Exclusion rules the audit applies on every run (as `--exclude` does once), e.g. `["stale-contacts"]`.
        public var exclude: [String]?
    }

    public let directory: URL
    public let settings: Settings

    public var ledgerPath: String { directory.appendingPathComponent("ledger.sqlite").path }
    public var reportsDirectory: URL { directory.appendingPathComponent("reports") }
    static func settingsURL(_ directory: URL) -> URL { directory.appendingPathComponent("project.json") }

    /// Creates the directory (if needed), the settings, the reports folder and the ledger with its first event.
    public static func create(at directory: URL, name: String? = nil) throws -> Project {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: settingsURL(directory).path)
            || fileManager.fileExists(atPath: directory.appendingPathComponent("ledger.sqlite").path)
        {
            throw ProjectError.alreadyExists(directory.path)
        }
        try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
        try fileManager.createDirectory(
            at: directory.appendingPathComponent("reports"), withIntermediateDirectories: true)
        let settings = Settings(
            projectId: UUID().uuidString.lowercased(), name: name ?? directory.standardizedFileURL.lastPathComponent,
            createdAt: LedgerClock.now())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(settings).write(to: settingsURL(directory))
        let project = Project(directory: directory, settings: settings)
        let ledger = try Ledger.create(at: project.ledgerPath)
        try ledger.append([
            .projectCreated(
                ProjectCreated(projectId: settings.projectId, name: settings.name, toolVersion: ToolVersion.current))
        ])
        return project
    }

    /// Opens an existing project.
    public static func open(at directory: URL) throws -> Project {
        let url = settingsURL(directory)
        guard let data = try? Data(contentsOf: url) else { throw ProjectError.notAProject(directory.path) }
        do {
            return Project(directory: directory, settings: try JSONDecoder().decode(Settings.self, from: data))
        } catch {
            throw ProjectError.unreadableSettings(url.path, "\(error)")
        }
    }

    public func openLedger(_ access: Ledger.Access) throws -> Ledger {
        try Ledger(path: ledgerPath, access: access)
    }
}

public enum ProjectError: Error, CustomStringConvertible {
    case notAProject(String)
    case alreadyExists(String)
    case unreadableSettings(String, String)

    public var description: String {
        switch self {
        case .notAProject(let path):
            return "\(path) is not a crm-migrate project (no project.json); create one with `crm-migrate init \(path)`"
                + " or pass --project DIR"
        case .alreadyExists(let path):
            return "\(path) already holds a crm-migrate project; choose another directory"
        case .unreadableSettings(let path, let reason):
            return "cannot read the project settings \(path): \(reason)"
        }
    }
}

public enum ToolVersion {
    public static let current = "0.1.0"
}
