import ArgumentParser

/// `crm-migrate report ...`: references written for people, from what the project already knows.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a reference for people from the project's snapshot and map.",
        subcommands: [WorkflowsReportCommand.self])
}
