import AllegoryExport
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
/// It uses the run's own steps: records linking to records of the same object (parent companies) after them, task and
/// note targets, and the attachments of sampled records through the run's upload step. Its diff checks those too:
/// each self link, each task's or note's targets read back, each attachment's bytes read back. Records are chosen
/// among those still pending, so running the sample again picks new ones.
public final class SampleRun {
    let client: TwentyClient
    let ledger: Ledger
    let workspace: WorkspaceDescription
    let map: FieldMap
    let mapSha256: String
    let identity: RecordIdentity
    let perObject: Int
    /// The export the snapshot was taken from, for attachments' bytes; without it attachments are not sampled.
    let source: ExportSource?
    public let writer: RecordWriter
    /// What happened to each sampled attachment.
    public private(set) var manifest = AttachmentManifest()
    /// Called with each object's counts once it is compared.
    public var progress: (SampleObjectResult) -> Void = { _ in }

    public init(
        client: TwentyClient, ledger: Ledger, workspace: WorkspaceDescription, map: FieldMap, mapSha256: String,
        projectId: String, perObject: Int = 100, source: ExportSource? = nil
    ) {
        self.source = source
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
        var chosen = try choose(objects.filter { $0.twentyObject != "attachment" })
        try includeParents(objects, &chosen)
        try chooseAttachments(objects.filter { $0.twentyObject == "attachment" }, &chosen, notes: &summary.notes)
        let members = Set(workspace.members.map(\.id))
        for object in objects {
            guard let records = chosen[object.source], !records.isEmpty else { continue }
            let target = try WriteTarget(object, in: workspace)
            let name = target.object
            var result = SampleObjectResult(
                sourceObject: object.source, object: name, sampled: records.filter { !$0.isParent }.count,
                parents: records.filter(\.isParent).count)
            // In transform order, which puts a parent before its children within an object (parent companies).
            var ordered = records.map(\.record).sorted { $0.transformedSeq < $1.transformedSeq }
            // A link to a parent Twenty refused is left out (and recorded), as the run does, not sent to sink the child.
            var parents = ParentsInTwenty(ledger: ledger, mapSha256: mapSha256)
            if name != "attachment" {
                ordered = try parents.withoutMissingParents(ordered, of: name, in: workspace, map: map)
            }
            let rows: [SampleDiffRow]
            if name == "attachment", let source {
                let counts = try await AttachmentStep(
                    client: client, ledger: ledger, writer: writer, workspace: workspace, map: map,
                    mapSha256: mapSha256, source: source
                ).write(object, to: target, records: ordered, manifest: &manifest)
                result.written = counts.written
                result.refused = counts.refused
                rows = try await compareAttachments(ordered, object: object, target: target, members: members)
            } else {
                // As the run writes them: parents before children, each generation created with its links to
                // records of the same object (the sample includes the parents its records link to).
                let selfColumns = SelfLinks.columns(of: name, in: workspace)
                let selfLinks = SelfLinks(client: client, ledger: ledger, workspace: workspace, mapSha256: mapSha256)
                let created = try await selfLinks.create(
                    ordered, of: target, columns: selfColumns, writer: writer, map: map)
                result.written = created.counts.written
                result.refused = created.counts.refused
                ordered = created.sent
                result.links = try await selfLinks.write(
                    sourceObject: object.source, target: target, columns: selfColumns,
                    batchId: "\(ledger.runId)-\(object.source)")
                result.links.add(
                    try await TargetLinks(
                        ledger: ledger, writer: writer, workspace: workspace, map: map, identity: identity,
                        mapSha256: mapSha256
                    ).write(sourceObject: object.source, object: name))
                rows =
                    try await compare(ordered, object: object, target: target, members: members)
                    + TargetComparison(client: client, ledger: ledger, workspace: workspace, map: map).rows(
                        ordered, object: object, name: name)
            }
            result.compared = rows.count
            result.disagreements = rows.filter { !$0.agrees }.count
            summary.report.rows += rows
            summary.objects.append(result)
            progress(result)
        }
        return summary
    }

    /// Up to `perObject` pending records of each object.
    private func choose(_ objects: [ObjectMap]) throws -> [String: [SampledRecord]] {
        var chosen: [String: [SampledRecord]] = [:]
        for object in objects {
            // Two passes over the pending records: their features first, then the chosen ones themselves.
            var selection = SampleSelection(limit: perObject)
            try ledger.forEachPendingWrite(sourceObject: object.source) { selection.add($0) }
            var positions = selection.chosen()[...]
            var position = 0
            var picked: [SampledRecord] = []
            try ledger.forEachPendingWrite(sourceObject: object.source) { record in
                defer { position += 1 }
                guard positions.first == position else { return }
                positions.removeFirst()
                picked.append(SampledRecord(record: record, isParent: false))
            }
            chosen[object.source] = picked
        }
        return chosen
    }

    /// Up to `perObject` pending attachments of the records already in the sample (so each lands on a parent the
    /// sample writes), in the export's order.
    private func chooseAttachments(
        _ objects: [ObjectMap], _ chosen: inout [String: [SampledRecord]], notes: inout [String]
    ) throws {
        guard !objects.isEmpty else { return }
        guard source != nil else {
            for object in objects {
                notes.append("\(object.source): attachments are not sampled: the export's files are not at hand")
            }
            return
        }
        let sampled = Set(chosen.values.flatMap { $0.compactMap(\.record.twentyId) })
        for object in objects {
            var picked: [SampledRecord] = []
            try ledger.forEachPendingWrite(sourceObject: object.source) { record in
                guard picked.count < perObject, let parent = record.targets.first, sampled.contains(parent.twentyId)
                else { return }
                picked.append(SampledRecord(record: record, isParent: false))
            }
            chosen[object.source] = picked
        }
    }

    /// Adds the pending parents of every chosen record (join columns and task/note targets), and theirs in turn,
    /// so that every link of the sample resolves to a record Twenty holds. Each round reads the pending records once
    /// and keeps only the parents it looks for; a round per generation of parents (a parent company's parent...).
    private func includeParents(_ objects: [ObjectMap], _ chosen: inout [String: [SampledRecord]]) throws {
        var taken = Set(chosen.values.flatMap { $0.compactMap(\.record.twentyId) })
        var wanted = Set(chosen.values.flatMap { $0.flatMap { parentIds(of: $0.record) } }).subtracting(taken)
        while !wanted.isEmpty {
            var found: [PendingWrite] = []
            for object in objects {
                try ledger.forEachPendingWrite(sourceObject: object.source) { record in
                    if let id = record.twentyId, wanted.contains(id) { found.append(record) }
                }
            }
            // What was not found is written already, or not writable.
            taken.formUnion(wanted)
            wanted = []
            for record in found {
                chosen[record.sourceObject, default: []].append(SampledRecord(record: record, isParent: true))
                wanted.formUnion(parentIds(of: record))
            }
            wanted.subtract(taken)
        }
    }

    /// The Twenty ids of the records `record` links to: its join columns and its task/note targets.
    private func parentIds(of record: PendingWrite) -> [String] {
        let object = map.object(source: record.sourceObject)
        return (object.map(ParentLink.of) ?? []).compactMap { record.values[$0.field]?.stringValue }
            + record.targets.map(\.twentyId)
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
    private func compare(
        _ records: [PendingWrite], object: ObjectMap, target: WriteTarget, members: Set<String>,
        comparedElsewhere: Set<String> = []
    ) async throws -> [SampleDiffRow] {
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
            parentsHeld: parentsHeld, comparedElsewhere: comparedElsewhere)
        var rows: [SampleDiffRow] = []
        for record in records {
            guard let id = record.twentyId, written.contains(id) else { continue }
            let source = try ledger.extractedRecord(object: object.source, sourceId: record.sourceId)?.values ?? [:]
            rows += comparison.rows(record, source: source, held: held[id])
        }
        return rows
    }

    /// The attachment check (the file's bytes read back) and every other field, compared with what was last written
    /// (the record as sent holds the uploaded file, not the export's path).
    private func compareAttachments(
        _ records: [PendingWrite], object: ObjectMap, target: WriteTarget, members: Set<String>
    ) async throws -> [SampleDiffRow] {
        let files = try await AttachmentComparison(client: client, ledger: ledger, workspace: workspace).rows(
            records, object: object, target: target, manifest: manifest.entries)
        let sentValues = try ledger.twentyValues(object: target.object)
        let sent = records.compactMap { record -> PendingWrite? in
            guard let id = record.twentyId, let values = sentValues[id] else { return nil }
            var sent = record
            sent.values = values
            return sent
        }
        let fileFields: Set<String> = ["file", "fullPath", workspace.naming.attachmentFileField ?? "file"]
        return try await compare(sent, object: object, target: target, members: members, comparedElsewhere: fileFields)
            + files
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
