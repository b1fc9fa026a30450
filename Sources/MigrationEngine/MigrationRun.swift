import AllegoryExport
import CanonicalJSON
import FieldMap
import Foundation
import Ledger
import RecordTransform
import TwentyClient

/// Writes every transformed record of a confirmed map to the bound workspace, parents before children (the order
/// the map's references imply), each object's records in batches at the workspace's maximum.
///
/// Resumable: it first settles what an interrupted run left in doubt, and only ever writes records whose latest
/// disposition is still "transformed", so running it again after any interruption writes each record once.
public final class MigrationRun {
    let client: TwentyClient
    let ledger: Ledger
    let workspace: WorkspaceDescription
    let map: FieldMap
    let mapSha256: String
    let identity: RecordIdentity
    public let writer: RecordWriter
    /// The export the snapshot was taken from, for attachments' bytes (a map with attachments needs it).
    let source: ExportSource?
    /// What happened to each attachment written by this run.
    public private(set) var manifest = AttachmentManifest()
    /// Called with each object's counts once it is done.
    public var progress: (ObjectProgress) -> Void = { _ in }
    /// Called with the number of files uploaded so far, before each one's record is written (a crash drill).
    public var afterUpload: (Int) throws -> Void = { _ in }
    /// Called when an object starts, after each batch of its records, and when it is finished.
    public var batchProgress: (RunProgress) -> Void = { _ in }

    /// `projectId` gives the links the run creates (task and note targets) their deterministic ids.
    public init(
        client: TwentyClient, ledger: Ledger, workspace: WorkspaceDescription, map: FieldMap, mapSha256: String,
        projectId: String, source: ExportSource?
    ) {
        self.source = source
        identity = RecordIdentity(projectId: projectId)
        self.mapSha256 = mapSha256
        self.client = client
        self.ledger = ledger
        self.workspace = workspace
        self.map = map
        writer = RecordWriter(
            client: client, ledger: ledger, batchMaximum: workspace.batchMaximum,
            collisions: CollisionRules(map: map, workspace: workspace))
    }

    public func run() async throws -> RunSummary {
        var summary = RunSummary()
        let settled = try await DoubtResolver(client: client, ledger: ledger, workspace: workspace).resolve()
        summary.settledIntents = settled.intents
        summary.settledRecords = settled.held
        for object in DependencyOrder.sorted(map.objects) where object.disposition != .skip {
            let target = try WriteTarget(object, in: workspace)
            let name = target.object
            if name == "attachment" {
                // Their bytes are uploaded first, then each record is written with the uploaded file.
                guard let source else { throw MigrationError("the export is needed to upload \(object.source)") }
                let started = Date()
                let pending = try ledger.pendingWriteCount(sourceObject: object.source)
                let tracker = await track(object.source, name, total: pending)
                let counts = try await AttachmentStep(
                    client: client, ledger: ledger, writer: writer, workspace: workspace, map: map,
                    mapSha256: mapSha256, source: source, afterUpload: afterUpload
                ).write(object, to: target, manifest: &manifest)
                writer.afterBatch = { _ in }
                await tracker.finished(counts, links: 0)
                let done = ObjectProgress(
                    sourceObject: object.source, object: name, pending: pending, counts: counts, links: WriteCounts(),
                    seconds: Date().timeIntervalSince(started))
                summary.objects.append(done)
                progress(done)
                continue
            }
            let selfColumns = SelfLinks.columns(of: name, in: workspace)
            let selfLinks = SelfLinks(client: client, ledger: ledger, workspace: workspace, mapSha256: mapSha256)
            let pending = try ledger.pendingWriteCount(sourceObject: object.source)
            var parents = ParentsInTwenty(ledger: ledger, mapSha256: mapSha256)
            let started = Date()
            let tracker = await track(object.source, name, total: pending)
            var counts = WriteCounts()
            if selfColumns.isEmpty {
                // Page by page, a whole number of batches each: an object's records are never all in memory at once.
                var after: Int64 = 0
                while true {
                    let page = try ledger.pendingWrites(
                        sourceObject: object.source, afterSeq: after, limit: writer.batchMaximum * 25)
                    guard let last = page.last else { break }
                    after = last.transformedSeq
                    let records = try parents.withoutMissingParents(page, of: name, in: workspace, map: map)
                    counts.add(try await writer.write(records, to: target))
                }
            } else {
                // Parents before children, each generation created with its links (an object linking to itself,
                // companies in practice, is read whole to find its generations).
                var records: [PendingWrite] = []
                try ledger.forEachPendingWrite(sourceObject: object.source) { records.append($0) }
                counts = try await selfLinks.create(
                    records, of: target, columns: selfColumns, writer: writer, map: map
                ).counts
            }
            // The link passes write through the same writer; their batches are not this object's records.
            writer.afterBatch = { _ in }
            var links =
                try await selfLinks
                .write(
                    sourceObject: object.source, target: target, columns: selfColumns,
                    batchId: "\(ledger.runId)-\(object.source)")
            links.add(
                try await TargetLinks(
                    ledger: ledger, writer: writer, workspace: workspace, map: map, identity: identity,
                    mapSha256: mapSha256
                ).write(sourceObject: object.source, object: name))
            let done = ObjectProgress(
                sourceObject: object.source, object: name, pending: pending, counts: counts, links: links,
                seconds: Date().timeIntervalSince(started))
            await tracker.finished(counts, links: links.written)
            summary.objects.append(done)
            progress(done)
        }
        return summary
    }

    /// Starts following one object's records: the writer reports each of its batches to the tracker.
    private func track(_ sourceObject: String, _ object: String, total: Int) async -> ProgressTracker {
        let tracker = await ProgressTracker(
            sourceObject: sourceObject, object: object, total: total, pacer: client.pacer, report: batchProgress)
        writer.afterBatch = { await tracker.batch($0) }
        return tracker
    }
}

/// One object's part of a run.
public struct ObjectProgress: Sendable, Equatable {
    public var sourceObject: String
    public var object: String
    /// Records pending when the object started.
    public var pending: Int
    public var counts: WriteCounts
    /// Links written after the records: to records of the same object (a parent company), and task and note
    /// targets.
    public var links: WriteCounts
    public var seconds: Double
}

public struct RunSummary: Sendable, Equatable {
    public var objects: [ObjectProgress] = []
    /// Intents an interrupted run left in doubt, and how many of their records Twenty turned out to hold.
    public var settledIntents = 0
    public var settledRecords = 0
}

public struct MigrationError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
