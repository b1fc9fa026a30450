import ArgumentParser

struct TwentyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "twenty",
        abstract: "Look at a Twenty workspace before migrating into it.",
        subcommands: [TwentyCheckCommand.self])
}
