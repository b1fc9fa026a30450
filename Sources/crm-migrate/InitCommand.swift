import ArgumentParser
import Foundation
import Ledger

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract:
            "Create a migration project: settings, reports folder, and a ledger opened by a project.created event.")

    @Argument(help: "The directory to create the project in (created if missing; must not already hold a project).")
    var projectDirectory: String

    @Option(help: "A name for the project (default: the directory's name).")
    var name: String?

    func run() throws {
        let project = try Project.create(at: URL(fileURLWithPath: projectDirectory), name: name)
        print("Created project \"\(project.settings.name)\" (\(project.settings.projectId))")
        print("  settings  \(project.directory.appendingPathComponent("project.json").path)")
        print("  ledger    \(project.ledgerPath)")
        print("  reports   \(project.reportsDirectory.path)/")
    }
}
