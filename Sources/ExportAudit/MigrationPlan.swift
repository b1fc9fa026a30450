import Foundation

/// What a migration of this snapshot will write, in dependency order, and how long it takes at a rate limit.
///
/// One request per batch of records; tasks, notes and activities need a second request per batch for their
/// targets (the link to the record they belong to); companies with a parent need a second pass once every
/// company exists; attachments need an upload and a record each. Schema requests (custom fields, objects,
/// stage options) are counted from the inventory.
public struct MigrationPlan: Sendable, Codable {
    public struct Step: Sendable, Codable {
        public let object: String
        public let records: Int
        public let excluded: Int
        public let requests: Int
        public let note: String
    }

    public let steps: [Step]
    public let requests: Int
    public let batchSize: Int
    public let rate: String
    /// At the rate limit, ignoring the time Twenty takes to answer.
    public let estimatedSeconds: Double

    static let order: [(object: String, twenty: String)] = [
        ("companies", "company"), ("contacts", "person"), ("deals", "opportunity"), ("tasks", "task"),
        ("notes", "note"), ("activities", "note"), ("attachments", "attachment"),
    ]

    init(checks: RecordChecks, excluded: [AuditReport.Exclusion], options: Auditor.Options) {
        let batch = max(1, options.batchSize)
        func batches(_ n: Int) -> Int { (n + batch - 1) / batch }
        let excludedCount = Dictionary(excluded.map { ($0.object, $0.sourceIds.count) }, uniquingKeysWith: +)
        var steps: [Step] = []
        for (object, twenty) in Self.order {
            guard let stream = checks.streams[object] else { continue }
            let records = stream.records
            let writes = records - (excludedCount[object] ?? 0)
            var requests = batches(writes)
            var note = "\(twenty) records in batches of \(batch)"
            switch object {
            case "companies":
                let parents = checks.companiesWithParent
                requests += batches(parents)
                note += "; a second pass sets \(parents) parent companies"
            case "tasks", "notes", "activities":
                requests *= 2
                note += "; and their \(object == "tasks" ? "task" : "note") targets"
            case "attachments":
                requests = writes * 2
                note = "an upload and an attachment record each"
            default: break
            }
            steps.append(Step(object: object, records: records, excluded: excludedCount[object] ?? 0, requests: requests, note: note))
        }
        let custom = checks.streams.keys.filter { !Self.order.map(\.object).contains($0) && !["users", "stages", "custom_fields", "workflows"].contains($0) }.sorted()
        for object in custom {
            let records = checks.streams[object]!.records
            steps.insert(
                Step(object: object, records: records, excluded: 0, requests: batches(records),
                    note: object.contains("__") ? "junction records linking the two objects" : "custom object records"),
                at: min(3, steps.count))
        }
        self.steps = steps
        batchSize = batch
        requests = steps.reduce(0) { $0 + $1.requests }
        rate = "\(options.requestsPerWindow)/\(Int(options.windowSeconds))s"
        estimatedSeconds = Double(requests) / Double(max(1, options.requestsPerWindow)) * options.windowSeconds
    }
}
