import CanonicalJSON
import FieldMap
import Foundation
import Ledger
import RecordTransform
import TwentyClient

/// The sample migration: a representative slice of each object written exactly as the full run writes it (so the
/// full run skips those records), every written record read back and compared field by field with its source and
/// with what was sent. What a person looks at before approving the map for the full run.
///
/// Attachments are left to the full run: each needs its file uploaded, and a sample of uploads says little about
/// the map. Records are chosen among those still pending, so running the sample again picks new ones.
public final class SampleRun {
    let client: TwentyClient
    let ledger: Ledger
    let workspace: WorkspaceDescription
    let map: FieldMap
    let mapSha256: String
    let identity: RecordIdentity
    let perObject: Int
    public let writer: RecordWriter
    /// Called with each object's counts once it is compared.
    public var progress: (SampleObjectResult) -> Void = { _ in }

    public init(
        client: TwentyClient, ledger: Ledger, workspace: WorkspaceDescription, map: FieldMap, mapSha256: String,
        projectId: String, perObject: Int = 100
    ) {
        self.client = client
        self.ledger = ledger
        self.workspace = workspace
        self.map = map
        self.mapSha256 = mapSha256
        self.perObject = max(1, perObject)
        identity = RecordIdentity(projectId: projectId)
        writer = RecordWriter(
            client: client, ledger: ledger, batchMaximum: workspace.batchMaximum,
            collisions: CollisionRules(map: map, workspace: workspace))
    }

    public func run() async throws -> SampleSummary {
        try ledger.append([.runStarted(RunStarted(command: "sample", mode: "sample"))])
        do {
            let summary = try await sample()
            try ledger.append([
                .runCompleted(
                    RunCompleted(
                        command: "sample",
                        counts: [
                            "sampled": summary.objects.reduce(0) { $0 + $1.sampled },
                            "written": summary.objects.reduce(0) { $0 + $1.written },
                            "refused": summary.objects.reduce(0) { $0 + $1.refused },
                            "compared": summary.report.rows.count,
                            "disagreements": summary.report.rows.filter { !$0.agrees }.count,
                        ]))
            ])
            return summary
        } catch {
            _ = try? ledger.append([.runFailed(RunFailed(command: "sample", error: "\(error)"))])
            throw error
        }
    }

    private func sample() async throws -> SampleSummary {
        var summary = SampleSummary(runId: ledger.runId)
        _ = try await DoubtResolver(client: client, ledger: ledger, workspace: workspace).resolve()
        let objects = DependencyOrder.sorted(map.objects).filter { $0.disposition != .skip }
        var chosen = try choose(objects, notes: &summary.notes)
        try includeParents(objects, &chosen)
        let members = Set(workspace.members.map(\.id))
        for object in objects {
            guard let records = chosen[object.source], !records.isEmpty else { continue }
            let target = try WriteTarget(object, in: workspace)
            let name = target.object
            var result = SampleObjectResult(
                sourceObject: object.source, object: name, sampled: records.filter { !$0.isParent }.count,
                parents: records.filter(\.isParent).count)
            // In transform order, which puts a parent before its children within an object (parent companies).
            let ordered = records.map(\.record).sorted { $0.transformedSeq < $1.transformedSeq }
            let counts = try await writer.write(ordered, to: target)
            result.written = counts.written
            result.refused = counts.refused
            result.links = try await TargetLinks(
                ledger: ledger, writer: writer, workspace: workspace, map: map, identity: identity,
                mapSha256: mapSha256
            ).write(sourceObject: object.source, object: name)
            let rows = try await compare(ordered, object: object, target: target, members: members)
            result.compared = rows.count
            result.disagreements = rows.filter { !$0.agrees }.count
            summary.report.rows += rows
            summary.objects.append(result)
            progress(result)
        }
        return summary
    }

    /// Up to `perObject` pending records of each object; attachments left to the full run.
    private func choose(_ objects: [ObjectMap], notes: inout [String]) throws -> [String: [SampledRecord]] {
        var chosen: [String: [SampledRecord]] = [:]
        for object in objects {
            if object.twentyObject == "attachment" {
                notes.append("\(object.source): attachments are not sampled; the full run uploads and writes them")
                continue
            }
            var pending: [PendingWrite] = []
            try ledger.forEachPendingWrite(sourceObject: object.source) { pending.append($0) }
            chosen[object.source] = SampleSelection.choose(pending, limit: perObject).map {
                SampledRecord(record: $0, isParent: false)
            }
        }
        return chosen
    }

    /// Adds the pending parents of every chosen record (join columns and task/note targets), and theirs in turn,
    /// so that every link of the sample resolves to a record Twenty holds.
    private func includeParents(_ objects: [ObjectMap], _ chosen: inout [String: [SampledRecord]]) throws {
        var taken = Set(chosen.values.flatMap { $0.compactMap(\.record.twentyId) })
        var queue = chosen.values.flatMap { $0.map(\.record) }
        var index: [String: (object: String, record: PendingWrite)]?
        while let record = queue.popLast() {
            let object = map.object(source: record.sourceObject)
            let parents =
                (object.map(ParentLink.of) ?? []).compactMap { record.values[$0.field]?.stringValue }
                + record.targets.map(\.twentyId)
            for id in parents where !taken.contains(id) {
                // Built once, the first time a parent is not already in the sample.
                if index == nil { index = try pendingIndex(objects) }
                guard let parent = index?[id] else { continue }  // written already, or not writable
                taken.insert(id)
                chosen[parent.object, default: []].append(SampledRecord(record: parent.record, isParent: true))
                queue.append(parent.record)
            }
        }
    }

    private func pendingIndex(_ objects: [ObjectMap]) throws -> [String: (object: String, record: PendingWrite)] {
        var index: [String: (object: String, record: PendingWrite)] = [:]
        for object in objects {
            try ledger.forEachPendingWrite(sourceObject: object.source) { record in
                if let id = record.twentyId { index[id] = (object.source, record) }
            }
        }
        return index
    }

    /// Compares every record of `object` Twenty holds (by the ledger) again, as it is now: what changed in Twenty
    /// since the sample wrote it shows as a disagreement.
    func compareWritten(_ object: ObjectMap) async throws -> [SampleDiffRow] {
        guard let target = WriteTarget(sourceObject: object.source, object: object.twentyObject, in: workspace) else {
            return []
        }
        var records: [PendingWrite] = []
        try ledger.forEachWrittenTransform(sourceObject: object.source) { records.append($0) }
        return try await compare(records, object: object, target: target, members: Set(workspace.members.map(\.id)))
    }

    /// Reads the written records back, in pages of the batch maximum, and compares each field.
    private func compare(_ records: [PendingWrite], object: ObjectMap, target: WriteTarget, members: Set<String>)
        async throws -> [SampleDiffRow]
    {
        let written = try ledger.twentyIds(object: target.object)
        let ids = records.compactMap(\.twentyId).filter(written.contains)
        let held = try await ReadBack(client: client).records(ids, in: target, pageSize: workspace.batchMaximum)
        let links = ParentLink.of(object)
        var parentsHeld: [String: Set<String>] = [:]
        for link in links where parentsHeld[link.parentSource] == nil {
            let parent = map.object(source: link.parentSource)
            parentsHeld[link.parentSource] = try ledger.twentyIds(
                object: parent?.createdObject?.nameSingular ?? parent?.target ?? link.parentSource)
        }
        let comparison = FieldComparison(
            object: object, description: workspace.object(target.object), links: links, members: members,
            parentsHeld: parentsHeld)
        var rows: [SampleDiffRow] = []
        for record in records {
            guard let id = record.twentyId, written.contains(id) else { continue }
            let source = try ledger.extractedRecord(object: object.source, sourceId: record.sourceId)?.values ?? [:]
            rows += comparison.rows(record, source: source, held: held[id])
        }
        return rows
    }
}

/// A record of the sample, and whether it is there only as the parent of another.
struct SampledRecord {
    var record: PendingWrite
    var isParent: Bool
}

/// One object's part of the sample.
public struct SampleObjectResult: Sendable, Equatable {
    public var sourceObject: String
    public var object: String
    /// Records chosen for the sample, and records added as parents of sampled records.
    public var sampled: Int
    public var parents: Int
    public var written = 0
    public var refused = 0
    /// Task and note targets written for the sampled records.
    public var links = WriteCounts()
    public var compared = 0
    public var disagreements = 0
}

public struct SampleSummary: Sendable {
    /// The sample's `run_id`: what an approval names.
    public var runId: String
    public var objects: [SampleObjectResult] = []
    public var report = SampleDiffReport(rows: [])
    /// What the sample left out, and why.
    public var notes: [String] = []
}
