import CanonicalJSON
import FieldMap
import Ledger
import TwentyClient

/// Links from an object to itself (a company's parent company): a record may point at one written in a later
/// batch, which Twenty's foreign key would refuse. Records are written in generations, parents before children, each
/// created with its link (`generations`); a second pass sets the links written records still lack (records an earlier
/// version of the tool, or a cycle, left without them), one update each (DESIGN.md, "Writing to Twenty"). Cycles
/// never get here in practice: the transform leaves them out and records them.
struct SelfLinks {
    let client: TwentyClient
    let ledger: Ledger
    let workspace: WorkspaceDescription
    let mapSha256: String

    /// The join columns of `object` that point at `object` itself.
    static func columns(of object: String, in workspace: WorkspaceDescription) -> [String] {
        (workspace.object(object)?.fields ?? []).compactMap { field in
            guard let relation = field.relation, relation.kind == .manyToOne, relation.targetObject == object else {
                return nil
            }
            return relation.joinColumn
        }
    }

    /// `records` in generations: first those whose parent (a record of the same object that they link to) is not
    /// among `records`, then their children, and so on. Each generation is written once the one before exists, so a
    /// record is created with its link to its parent: no update per link afterwards, which would cost a request each
    /// and make Twenty date the record anew, losing the source's `updatedAt`. Records left in a cycle (the transform
    /// leaves cycles out, so this is a safeguard) come last, without those links; the second pass sets what it can.
    static func generations(_ records: [PendingWrite], columns: [String]) -> [[PendingWrite]] {
        guard !columns.isEmpty else { return [records] }
        var index: [String: Int] = [:]
        for (position, record) in records.enumerated() { if let id = record.twentyId { index[id] = position } }
        var children: [Int: [Int]] = [:]
        var waitingFor = [Int](repeating: 0, count: records.count)
        for (position, record) in records.enumerated() {
            for column in columns {
                guard let parent = record.values[column]?.stringValue, let at = index[parent], at != position else {
                    continue
                }
                children[at, default: []].append(position)
                waitingFor[position] += 1
            }
        }
        var generations: [[PendingWrite]] = []
        var current = records.indices.filter { waitingFor[$0] == 0 }
        var placed = 0
        while !current.isEmpty {
            generations.append(current.map { records[$0] })
            placed += current.count
            var next: [Int] = []
            for parent in current {
                for child in children[parent] ?? [] {
                    waitingFor[child] -= 1
                    if waitingFor[child] == 0 { next.append(child) }
                }
            }
            current = next.sorted()
        }
        if placed < records.count {
            generations.append(
                records.indices.filter { waitingFor[$0] > 0 }.map { withoutSelfLinks(records[$0], columns: columns) })
        }
        return generations
    }

    /// Creates `records` of `target` generation by generation, each created with its links to the generation
    /// before; a link to a parent Twenty does not hold (refused) is left out and recorded (`ParentsInTwenty`).
    /// Returns what was written and the records as they were sent.
    func create(
        _ records: [PendingWrite], of target: WriteTarget, columns: [String], writer: RecordWriter, map: FieldMap
    ) async throws -> (counts: WriteCounts, sent: [PendingWrite]) {
        var counts = WriteCounts()
        var sent: [PendingWrite] = []
        for generation in Self.generations(records, columns: columns) {
            // Read afresh: the generation before may have just been written, or refused.
            var inTwenty = ParentsInTwenty(ledger: ledger, mapSha256: mapSha256)
            let ready = try inTwenty.withoutMissingParents(
                generation, of: target.object, in: workspace, map: map, includingSelf: true)
            counts.add(try await writer.write(ready, to: target))
            sent += ready
        }
        return (counts, sent)
    }

    /// The record as first created: without its links to records of its own object.
    static func withoutSelfLinks(_ record: PendingWrite, columns: [String]) -> PendingWrite {
        guard !columns.isEmpty, case .object(var values) = record.values else { return record }
        for column in columns { values[column] = nil }
        var stripped = record
        stripped.values = .object(values)
        return stripped
    }

    /// Sets the links the written records of `sourceObject` still lack, one update each (Twenty's REST API updates
    /// one record per call), each an intent with its before-image then `record.updated`.
    func write(sourceObject: String, target: WriteTarget, columns: [String], batchId: String) async throws
        -> WriteCounts
    {
        guard !columns.isEmpty else { return WriteCounts() }
        let held = try ledger.twentyValues(object: target.object)
        var counts = WriteCounts()
        let parents = ParentsInTwenty(ledger: ledger, mapSha256: mapSha256)
        // A parent that collided with a record already in the workspace is linked to that record.
        let standIns = try ledger.collisionStandIns()
        var updates: [(PendingWrite, [String: JSONValue])] = []
        try ledger.forEachWrittenTransform(sourceObject: sourceObject) { record in
            guard let id = record.twentyId, let current = held[id] else { return }
            var links: [String: JSONValue] = [:]
            for column in columns {
                guard var parent = record.values[column], parent != .null else { continue }
                if let ours = parent.stringValue, let existing = standIns[ours] { parent = .string(existing) }
                guard current[column] != parent else { continue }
                guard let parentId = parent.stringValue, held[parentId] != nil || standIns.values.contains(parentId)
                else {
                    try parents.recordRefusedParent(
                        sourceObject: sourceObject, sourceId: record.sourceId, column: column,
                        value: parent.stringValue ?? "", parentObject: sourceObject,
                        parent: "its parent \(parent.stringValue ?? "")")
                    counts.unwritten += 1
                    continue
                }
                links[column] = parent
            }
            if !links.isEmpty { updates.append((record, links)) }
        }
        for (index, (record, links)) in updates.enumerated() {
            let id = record.twentyId ?? ""
            // The before-image: the columns as last written, which is without them (the record was created so).
            let before = JSONValue.object(
                Dictionary(uniqueKeysWithValues: links.keys.map { ($0, held[id]?[$0] ?? .null) }))
            let item = WriteItem(sourceId: record.sourceId, twentyId: id, values: .object(links), before: before)
            let intentBatch = "\(batchId)-self-\(index + 1)"
            try ledger.append([
                .writeRequested(
                    WriteRequested(
                        batchId: intentBatch, op: .update, object: target.object, sourceObject: sourceObject,
                        items: [item]))
            ])
            do {
                _ = try await client.send("PATCH", "rest/\(target.plural)/\(id)", body: .object(links))
            } catch let error as TwentyError where error.kind == .badRequest || error.kind == .notFound {
                try ledger.append([
                    .writeFailed(
                        WriteFailed(
                            batchId: intentBatch, object: target.object, sourceObject: sourceObject,
                            sourceIds: [record.sourceId], status: error.status, error: error.summary, retryable: true))
                ])
                counts.add(WriteCounts(refused: 1, reasons: [error.summary: 1]))
                continue
            }
            try ledger.append([
                .recordUpdated(
                    RecordUpdated(
                        batchId: intentBatch, object: target.object, sourceObject: sourceObject,
                        sourceId: record.sourceId, twentyId: id, values: .object(links), before: before))
            ])
            counts.written += 1
        }
        return counts
    }
}
