import ArgumentParser

struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Read, verify and rebuild the project's event ledger.",
        discussion: """
            The ledger is append-only: every extract, transform, write and delete is an event with a sequence \
            number and a SHA-256 hash chained to the previous one. These commands only read it (rebuild rewrites \
            the derived projection tables, never an event), and never block a running migration.
            """,
        subcommands: [
            StatusCommand.self, LogCommand.self, ShowCommand.self, HistoryCommand.self, LedgerDeltaCommand.self,
            StatsCommand.self, VerifyCommand.self, RebuildCommand.self,
        ])
}
