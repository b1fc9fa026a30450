import AllegoryExport
import ArgumentParser
import ExportGenerator
import FieldMap
import Foundation

@main
struct ProposalBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposal-bench",
        abstract: "Time the field map proposal on a generated export and measure how often it picks the right target.",
        discussion: """
            Generates an export of --contacts contacts into --out (reused when it already holds that export), or reads \
            --export DIR, then runs the proposal (`crm-migrate map propose` without a workspace) --runs times and \
            prints each time. The proposal samples the first --sample-rows records of each file, so its time should not \
            grow with the export: the goal is under 10 s for a million contacts.

            Accuracy is the fraction of the contacts', companies' and deals' columns mapped to the target the \
            generator's answer key expects. With --renamed, a variant of the export with those columns renamed to \
            other CRMs' names and in reverse order is written beside it (DIR-renamed) and measured the same way.
            """)

    @Option(help: ArgumentHelp("An existing export to read (default: generate one into --out).", valueName: "dir"))
    var export: String?

    @Option(
        help: ArgumentHelp(
            "Where to generate the export (default: a folder in the temporary directory).", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Contacts in the generated export (default: 100000).", valueName: "n"))
    var contacts = 100_000

    @Option(help: ArgumentHelp("Seed of the generated export (default: 7).", valueName: "seed"))
    var seed: UInt64 = 7

    @Option(
        help: ArgumentHelp(
            "Proposals timed (default: 3); the fastest and the slowest are both printed.", valueName: "n"))
    var runs = 3

    @Option(
        help: ArgumentHelp(
            "Records sampled from the start of each file (default: 2000, as map propose).", valueName: "n"))
    var sampleRows = SourceSample.defaultRowLimit

    @Flag(help: "Also measure a variant with renamed, reordered columns (default: off).")
    var renamed = false

    func validate() throws {
        if export != nil, out != nil {
            throw ValidationError("Give --export DIR to read an export or --out DIR to generate one, not both.")
        }
        if contacts < 1 { throw ValidationError("--contacts must be at least 1.") }
        if runs < 1 { throw ValidationError("--runs must be at least 1.") }
        if sampleRows < 10 { throw ValidationError("--sample-rows must be at least 10.") }
    }

    func run() throws {
        let root = try exportFolder()
        let standard = try measure(root, label: "generator's export", renamed: [:])
        guard renamed else { return }
        let variant = root.deletingLastPathComponent().appendingPathComponent(root.lastPathComponent + "-renamed")
        let start = ContinuousClock.now
        try RenamedExport.write(from: root, to: variant)
        print(String(format: "wrote the renamed variant %@ in %.1f s", variant.path, seconds(since: start)))
        let shuffled = try measure(variant, label: "renamed and reordered", renamed: RenamedExport.renames)
        print(
            String(format: "accuracy: %.3f on the generator's export, %.3f on the renamed variant", standard, shuffled))
    }

    /// The export to measure: --export as given, else generated into --out unless it already holds this one.
    func exportFolder() throws -> URL {
        if let export { return URL(fileURLWithPath: export).standardizedFileURL }
        let folder = URL(fileURLWithPath: out ?? NSTemporaryDirectory() + "proposal-bench-\(contacts)-\(seed)")
            .standardizedFileURL
        // The generator is deterministic, so a marker naming its parameters says the folder needs no regeneration.
        let marker = folder.appendingPathComponent(".proposal-bench-\(contacts)-\(seed)")
        if FileManager.default.fileExists(atPath: marker.path) {
            print("reusing \(folder.path) (\(contacts) contacts, seed \(seed))")
            return folder
        }
        let start = ContinuousClock.now
        _ = try ExportGenerator(contacts: contacts, seed: seed).write(to: folder)
        // Without the marker the next run only regenerates the same export: not worth failing for.
        _ = FileManager.default.createFile(atPath: marker.path, contents: nil)
        print(
            String(
                format: "generated %@ (%d contacts, seed %llu) in %.2f s", folder.path, contacts, seed,
                seconds(since: start)))
        return folder
    }

    /// Times the proposal of `root` and prints its accuracy; returns the accuracy.
    func measure(_ root: URL, label: String, renamed: [String: [String: String]]) throws -> Double {
        var times: [Double] = []
        var proposal: MapProposer.Proposal?
        for _ in 0..<runs {
            let start = ContinuousClock.now
            // The layout is part of the timing: `map propose` lists the export's files too.
            let layout = try ExportLayout(root: root)
            proposal = try MapProposer(layout: layout, catalog: .builtIn(), rowLimit: sampleRows).propose()
            times.append(seconds(since: start))
        }
        guard let proposal else { return 0 }
        let score = ExpectedTargets.score(proposal.map, renamed: renamed)
        let columns = proposal.map.objects.reduce(0) { $0 + $1.fields.count }
        print(
            String(
                format: "%@: proposed %d objects, %d columns in %.3f s (fastest of %d; slowest %.3f s)", label,
                proposal.map.objects.count, columns, times.min() ?? 0, runs, times.max() ?? 0))
        print(String(format: "%@: accuracy %d/%d = %.3f", label, score.right, score.total, score.accuracy))
        for line in score.wrong { print("  \(line)") }
        return score.accuracy
    }

    func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
