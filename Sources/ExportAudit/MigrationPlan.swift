import ExportUnderstanding
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

    init(checks: RecordChecks, roles: [String: ObjectRole], excluded: [AuditReport.Exclusion], options: Auditor.Options)
    {
        let batch = max(1, options.batchSize)
        func batches(_ n: Int) -> Int { (n + batch - 1) / batch }
        let excludedCount = Dictionary(excluded.map { ($0.object, $0.sourceIds.count) }, uniquingKeysWith: +)
        var steps: [Step] = []
        // The write order the vocabulary derives (parents first); objects of one role in file order.
        let written = checks.streams.keys.compactMap { object -> (String, ObjectRole, String)? in
            guard let role = roles[object], let twenty = ObjectVocabulary.of(role)?.twentyObject else { return nil }
            return (object, role, twenty)
        }.sorted { (ObjectVocabulary.writeRank($0.1), $0.0) < (ObjectVocabulary.writeRank($1.1), $1.0) }
        for (object, role, twenty) in written {
            guard let stream = checks.streams[object] else { continue }
            let records = stream.records
            let writes = records - (excludedCount[object] ?? 0)
            var requests = batches(writes)
            var note = "\(twenty) records in batches of \(batch)"
            switch role {
            case .companies:
                let parents = checks.companiesWithParent
                requests += batches(parents)
                note += "; a second pass sets \(parents) parent companies"
            case .tasks, .notes, .activities:
                requests *= 2
                note += "; and their \(role == .tasks ? "task" : "note") targets"
            case .attachments:
                requests = writes * 2
                note = "an upload and an attachment record each"
            default: break
            }
            steps.append(
                Step(
                    object: object, records: records, excluded: excludedCount[object] ?? 0, requests: requests,
                    note: note))
        }
        let custom = checks.streams.keys.filter { roles[$0] == .custom || roles[$0] == .junction }.sorted()
        let beforeCustom =
            steps.firstIndex { roles[$0.object].map { ObjectVocabulary.writeRank($0) > 4 } ?? false } ?? steps.count
        for (offset, object) in custom.enumerated() {
            let records = checks.streams[object]!.records
            steps.insert(
                Step(
                    object: object, records: records, excluded: 0, requests: batches(records),
                    note: roles[object] == .junction
                        ? "junction records linking the two objects" : "custom object records"),
                at: beforeCustom + offset)
        }
        self.steps = steps
        batchSize = batch
        requests = steps.reduce(0) { $0 + $1.requests }
        rate = "\(options.requestsPerWindow)/\(Int(options.windowSeconds))s"
        estimatedSeconds = Double(requests) / Double(max(1, options.requestsPerWindow)) * options.windowSeconds
    }
}
