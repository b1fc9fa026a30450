import ArgumentParser
import ExportAudit
import TwentyModel
import TwentySandboxServer

// Values the command line takes, parsed once where the parser reads them: a wrong value is refused before the
// command starts with the allowed values in the message, and `--help` shows each default as the parser knows it.

extension TwentyVersion: ExpressibleByArgument {}

extension RateLimitStyle: ExpressibleByArgument {}

/// A request rate written COUNT/DURATION (`100/60s`, `500/250ms`, `5/2m`), or `off` where a limit may be lifted.
struct RateArgument: ExpressibleByArgument, Sendable {
    /// `nil` for `off`.
    let limit: RateLimit?

    init(_ limit: RateLimit?) { self.limit = limit }

    init?(argument: String) {
        // `parse` answers nil for `off` and throws for what is not a rate.
        do { limit = try RateLimit.parse(argument) } catch { return nil }
    }

    var defaultValueDescription: String { limit?.description ?? "off" }
    static var defaultCompletionKind: CompletionKind { .list(["off", "100/60s", "100/1s"]) }
}

/// A size in bytes written `10MiB`, `512KiB`, `2MB` or a plain count.
struct ByteSizeArgument: ExpressibleByArgument, Sendable {
    let bytes: Int

    init(bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        guard let bytes = try? SandboxServerConfiguration.parseByteSize(argument) else { return nil }
        self.bytes = bytes
    }

    var defaultValueDescription: String {
        for (unit, size) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes % size == 0 {
            return "\(bytes / size)\(unit)"
        }
        return "\(bytes)"
    }
}

/// One of the audit's exclusion rules, by name.
struct ExclusionRuleArgument: ExpressibleByArgument, Sendable {
    let name: String

    init?(argument: String) {
        guard Auditor.exclusionRules[argument] != nil else { return nil }
        name = argument
    }

    static var allValueStrings: [String] { Auditor.exclusionRules.keys.sorted() }
}
