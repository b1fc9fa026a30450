import ArgumentParser
import FieldMap
import Foundation

struct MapConfirmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Validate map.yaml and record that you confirmed it (map.confirmed with its SHA-256).",
        discussion:
            "Refuses a map with problems, listing each with its line. Writes to Twenty require this confirmation.")

    @OptionGroup var options: ProjectOptions
    @Option(help: "Who confirms (default: the USER environment variable).") var by: String?

    func run() throws {
        let project = try options.open()
        let person = by ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown"
        let confirmed = try MapConfirmation.confirm(projectDirectory: project.directory, by: person)
        print(
            "Confirmed map.yaml (sha256 \(confirmed.sha256)) by \(person), ledger event \(confirmed.confirmationSeq).")
    }
}

struct MapStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Say whether map.yaml is proposed, confirmed, or changed since its confirmation.")

    @OptionGroup var options: ProjectOptions

    func run() throws {
        let project = try options.open()
        let status = try MapConfirmation.status(projectDirectory: project.directory)
        print("map.yaml: \(status.summary)")
        if status.currentSha256 != nil {
            let file = try MapFile.load(projectDirectory: project.directory)
            print(file.problems.isEmpty ? "valid" : MapProblems(file.problems).description)
        }
    }
}
