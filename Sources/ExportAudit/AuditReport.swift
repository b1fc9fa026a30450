import Foundation

/// Everything the audit found, as written to `reports/audit.json` and rendered in `reports/audit.html`.
public struct AuditReport: Sendable, Codable {
    public struct File: Sendable, Codable {
        public let path: String
        public let object: String
        public let records: Int
        public let bytes: Int64
    }

    public struct Exclusion: Sendable, Codable {
        public let rule: String
        public let description: String
        public let object: String
        /// Exactly the records the rule excludes.
        public let sourceIds: [String]
    }

    public struct KindSummary: Sendable, Codable {
        public let kind: String
        public let description: String
        public let count: Int
        public let examples: [AuditFinding]
    }

    public let snapshot: Int
    public let exportPath: String
    public let exportedAt: String
    public let files: [File]
    public let findings: [AuditFinding]
    public let inventory: Inventory
    public let exclusions: [Exclusion]
    public let plan: MigrationPlan

    /// Findings per kind with a few examples, most frequent first.
    public var summary: [KindSummary] {
        Dictionary(grouping: findings, by: \.kind).map { kind, items in
            KindSummary(
                kind: kind, description: AuditFinding.descriptions[kind] ?? kind, count: items.count,
                examples: Array(items.prefix(5)))
        }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.kind < $1.kind }
    }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
