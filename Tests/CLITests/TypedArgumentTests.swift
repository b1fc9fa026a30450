import Foundation
import Testing

@Suite("typed command-line values")
struct TypedArgumentTests {
    let crmMigrate = Tool("crm-migrate")

    @Test(
        "a value outside an option's allowed set is refused before the command starts, naming the allowed values",
        arguments: [
            (["sandbox", "--data", "unused", "--twenty-version", "v3"], "Please provide one of 'v1' and 'v2'"),
            (["sandbox", "--data", "unused", "--rate-limit-style", "loud"], "Please provide one of 'legacy' and 'v2'"),
            (
                ["sandbox", "--data", "unused", "--rate-limit", "100/60x"],
                "'100/60x' is invalid for '--rate-limit <rate>'"
            ),
            (
                ["sandbox", "--data", "unused", "--max-body-size", "lots"],
                "'lots' is invalid for '--max-body-size <size>'"
            ),
            (["map", "propose", "--twenty-version", "2"], "Please provide one of 'v1' and 'v2'"),
        ])
    func refusedValues(arguments: [String], message: String) throws {
        let temporary = TemporaryDirectory()
        let result = try crmMigrate.run(arguments, in: temporary.url)

        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        // Refused while parsing: the sandbox never created its data directory.
        #expect(!FileManager.default.fileExists(atPath: temporary.url.appendingPathComponent("unused").path))
    }

    @Test("help shows each default once, as the parser knows it, with the allowed values of a closed set")
    func helpShowsDefaults() throws {
        let help = try crmMigrate.run(["sandbox", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(
            separator: " ")

        #expect(help.contains("(values: v1, v2; default: v2)"))
        #expect(help.contains("(values: legacy, v2; default: v2)"))
        #expect(help.contains("(default: 10MiB)"))
        #expect(help.contains("(default: 100/60s)"))
        for command in [["sandbox"], ["audit"], ["map", "propose"], ["sample"], ["transform"], ["map", "review"]] {
            let text = try crmMigrate.run(command + ["--help"]).stdout
            let flattened = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            // A default written by hand and printed again by the parser reads "(default: X). (default: X)".
            let repeated = try Regex(#"default: ([^)]+)\)\.? \((values: [^;]*; )?default: \1\)"#)
            #expect(flattened.firstMatch(of: repeated) == nil, "\(command): \(flattened)")
        }
    }
}
