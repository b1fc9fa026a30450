import AllegoryExport
import CanonicalJSON
import FieldMap
import Foundation
import Ledger
import RecordTransform
import TwentyClient

/// What a delta may do beyond creating new records and updating changed ones.
public struct DeltaOptions: Sendable, Equatable {
    /// Destroy the records whose source record is gone (otherwise they are only listed).
    public var propagateDeletes = false
    /// Write the source's value over a field edited in Twenty when the map names no rule for it.
    public var overwriteConflicts = false
    /// Rewrite records whose source did not change but whose transform under the current map differs.
    public var remap = false

    public init(propagateDeletes: Bool = false, overwriteConflicts: Bool = false, remap: Bool = false) {
        self.propagateDeletes = propagateDeletes
        self.overwriteConflicts = overwriteConflicts
        self.remap = remap
    }
}

/// Carries what changed in the source since the migration into the workspace, after a new snapshot has been taken
/// and transformed: new records are created exactly as a run creates them (dependency order, links, targets,
/// attachments); records whose source changed are updated with only the changed fields, after a conflict check
/// against Twenty's current values; records gone from the source are listed, and destroyed with
/// `propagateDeletes`.
///
/// Everything it does follows from the ledger's projections (pending records, twenty-state, the latest snapshot),
/// not from a list made at the start, so a delta stopped at any point and run again converges, and a delta run
/// again with the same export writes nothing.
public final class DeltaRun {
    let client: TwentyClient
    let ledger: Ledger
    let workspace: WorkspaceDescription
    let map: FieldMap
    let options: DeltaOptions
    /// The run that creates the new records (and first settles what an interrupted run left in doubt).
    public let migration: MigrationRun
    /// Called after each update or delete call is answered, before its outcome is recorded (crash drills).
    public var afterCall: (Int) throws -> Void = { _ in }

    public init(
        client: TwentyClient, ledger: Ledger, workspace: WorkspaceDescription, map: FieldMap, mapSha256: String,
        projectId: String, source: ExportSource?, options: DeltaOptions
    ) {
        self.client = client
        self.ledger = ledger
        self.workspace = workspace
        self.map = map
        self.options = options
        migration = MigrationRun(
            client: client, ledger: ledger, workspace: workspace, map: map, mapSha256: mapSha256,
            projectId: projectId, source: source)
    }

    public func run() async throws -> DeltaSummary {
        var summary = DeltaSummary()
        // New records first: a changed record may now link to one of them (a contact moved to a new company).
        summary.created = try await migration.run()
        var calls = 0
        for object in DependencyOrder.sorted(map.objects) where object.disposition != .skip {
            let target = try WriteTarget(object, in: workspace)
            var changed: [PendingUpdate] = []
            var remapOnly: [PendingUpdate] = []
            try ledger.forEachPendingUpdate(sourceObject: object.source) { update in
                if update.sourceChanged || options.remap {
                    changed.append(update)
                } else {
                    remapOnly.append(update)
                }
            }
            for update in remapOnly {
                for field in RecordChange.changedFields(written: update.written, now: update.record.values).keys {
                    summary.remapTouched[object.source, default: [:]][field, default: 0] += 1
                }
            }
            // An attachment's file is uploaded with its record: a changed attachment is left pending and reported.
            if target.object == "attachment" {
                summary.attachmentsNotUpdated += changed.count
            } else if !changed.isEmpty {
                var updater = ChangedRecords(
                    client: client, ledger: ledger, writer: migration.writer, target: target,
                    rules: ConflictRules(object, overwrite: options.overwriteConflicts),
                    batchMaximum: workspace.batchMaximum)
                updater.afterCall = afterCall
                let counts = try await updater.update(changed, calls: &calls)
                summary.changed[object.source, default: ChangedCounts()].add(counts)
            }
        }
        // Children before parents, so that a destroyed parent never leaves a child pointing nowhere mid-way.
        for object in DependencyOrder.sorted(map.objects).reversed() where object.disposition != .skip {
            let target = try WriteTarget(object, in: workspace)
            let gone = try ledger.goneFromSource(sourceObject: object.source, object: target.object)
            guard !gone.isEmpty else { continue }
            var removed = RemovedRecords(sourceObject: object.source, object: target.object, records: gone)
            if options.propagateDeletes {
                let outcome = try await SourceDeletions(
                    client: client, ledger: ledger, target: target, batchMaximum: workspace.batchMaximum
                ).delete(gone, calls: &calls)
                removed.deleted = outcome.deleted
                removed.alreadyGone = outcome.alreadyGone
            }
            summary.removed.append(removed)
        }
        return summary
    }
}

/// Source records gone from the latest snapshot whose records the tool created.
public struct RemovedRecords: Sendable, Equatable {
    public var sourceObject: String
    public var object: String
    public var records: [GoneRecord]
    /// How many were destroyed (with `--propagate-deletes`).
    public var deleted = 0
    /// Records Twenty no longer held when the delta came to destroy them.
    public var alreadyGone: [GoneRecord] = []
}

/// What a delta did.
public struct DeltaSummary: Sendable, Equatable {
    /// The creation of new records (and the settling of intents an interrupted run left in doubt).
    public var created = RunSummary()
    /// Changed records, by source object.
    public var changed: [String: ChangedCounts] = [:]
    public var removed: [RemovedRecords] = []
    /// For records whose source did not change, the fields the current map would write differently, by source
    /// object: how many records each touches (written only with `--remap`).
    public var remapTouched: [String: [String: Int]] = [:]
    /// Changed attachment records, left pending: their files are not uploaded again by a delta.
    public var attachmentsNotUpdated = 0
    /// New or changed source records the delta's transform rejected (`record.rejected` in its run): not written,
    /// each with its reasons. The caller fills this in, since the transform runs before the delta.
    public var rejectedByTransform: [RecordRejected] = []

    public init() {}

    public var createdCount: Int { created.objects.reduce(0) { $0 + $1.counts.written } }
    public var updatedCount: Int { changed.values.reduce(0) { $0 + $1.updated } }
    public var conflicts: [RecordConflicts] { changed.keys.sorted().flatMap { changed[$0]!.conflicts } }
    public var refusedCount: Int {
        changed.values.reduce(0) { $0 + $1.refused }
            + created.objects.reduce(0) { $0 + $1.counts.refused + $1.links.refused }
    }
    public var deletedCount: Int { removed.reduce(0) { $0 + $1.deleted } }
}
