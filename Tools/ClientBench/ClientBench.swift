import ArgumentParser

// client-bench: the figures issue 10 asks of the Twenty client, each printed with the configuration that produced
// it so it can be quoted as is. Run it from a release build: swift build -c release --product client-bench
@main
struct ClientBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client-bench",
        abstract: "Measure the Twenty client: its own cost per request, its pacing, and prepare's requests.",
        subcommands: [
            OverheadBench.self, PacingBench.self, PrepareBench.self, RunBench.self, RollbackBench.self,
            ReconcileBench.self, DeltaBench.self,
        ])
}
