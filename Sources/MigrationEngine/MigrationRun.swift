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
                var pending = 0
                try ledger.forEachPendingWrite(sourceObject: object.source) { _ in pending += 1 }
                let counts = try await AttachmentStep(
                    client: client, ledger: ledger, writer: writer, workspace: workspace, map: map,
                    mapSha256: mapSha256, source: source, afterUpload: afterUpload
                ).write(object, to: target, manifest: &manifest)
                let done = ObjectProgress(
                    sourceObject: object.source, object: name, pending: pending, counts: counts, links: WriteCounts(),
                    seconds: Date().timeIntervalSince(started))
                summary.objects.append(done)
                progress(done)
                continue
            }
            let selfColumns = SelfLinks.columns(of: name, in: workspace)
            var pending: [PendingWrite] = []
            try ledger.forEachPendingWrite(sourceObject: object.source) {
                pending.append(SelfLinks.withoutSelfLinks($0, columns: selfColumns))
            }
            var parents = ParentsInTwenty(ledger: ledger, mapSha256: mapSha256)
            pending = try parents.withoutMissingParents(pending, of: name, in: workspace)
            let started = Date()
            let counts = try await writer.write(pending, to: target)
            var links = try await SelfLinks(client: client, ledger: ledger, workspace: workspace, mapSha256: mapSha256)
                .write(
                    sourceObject: object.source, target: target, columns: selfColumns,
                    batchId: "\(ledger.runId)-\(object.source)")
            links.add(
                try await TargetLinks(
                    ledger: ledger, writer: writer, workspace: workspace, map: map, identity: identity,
                    mapSha256: mapSha256
                ).write(sourceObject: object.source, object: name))
            let done = ObjectProgress(
                sourceObject: object.source, object: name, pending: pending.count, counts: counts, links: links,
                seconds: Date().timeIntervalSince(started))
            summary.objects.append(done)
            progress(done)
        }
        return summary
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
