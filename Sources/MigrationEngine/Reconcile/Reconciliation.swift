import CanonicalJSON
import FieldMap
import Ledger
import RecordTransform
import TwentyClient

/// `crm-migrate reconcile`: proves the migration by comparing three sides for every migrated object: the source
/// (the snapshot's records and where the ledger says each went), what the ledger says was written (the twenty-state
/// projection) and what Twenty holds now, read back in full.
///
/// Every object Twenty holds is read once, a page of the batch maximum per request with cursor pagination, paced by
/// the client's rate limiter. Written records are compared field by field with the sample's comparison (Twenty's
/// normalisation, pick-list, owner and relation checks); each difference is a defect or drift (`DifferenceKind`).
/// Nothing is written to Twenty; `record` appends the summary to the ledger as `reconciliation.computed`, so an
/// auditor sees when the migration was proven and with what figures.
public final class Reconciliation {
    let client: TwentyClient
    let ledger: Ledger
    let workspace: WorkspaceDescription
    let map: FieldMap
    let workspaceIdClaim: String?
    /// Records read back per Twenty object, read once even when two source objects feed it.
    private var held: [String: [String: JSONValue]] = [:]

    /// `workspaceIdClaim`: the workspace the API key names, if it names one (see `WorkspaceBound`).
    public init(
        client: TwentyClient, ledger: Ledger, workspace: WorkspaceDescription, map: FieldMap,
        workspaceIdClaim: String? = nil
    ) {
        self.client = client
        self.ledger = ledger
        self.workspace = workspace
        self.map = map
        self.workspaceIdClaim = workspaceIdClaim
    }

    public func run() async throws -> ReconciliationResult {
        // Invariant 8: another workspace's records would all look missing, and its own would look unexpected.
        try ledger.requireBoundWorkspace(
            url: workspace.url, workspaceId: workspaceIdClaim, fingerprint: workspace.fingerprint)
        var result = ReconciliationResult()
        let conservation = Dictionary(try ledger.conservation().map { ($0.object, $0) }) { first, _ in first }
        var linkObjects: [String] = []
        for object in DependencyOrder.sorted(map.objects) where object.disposition != .skip {
            let target = try WriteTarget(object, in: workspace)
            var counts = ObjectReconciliation(sourceObject: object.source, object: target.object)
            if let row = conservation[object.source] {
                counts.extracted = row.extracted
                counts.excluded = row.excluded
                counts.rejected = row.rejected
                counts.pending = row.pending
            }
            try await compare(object, target: target, counts: &counts, into: &result)
            if target.object == "attachment" {
                try await FileCheck(client: client, ledger: ledger, workspace: workspace).check(
                    object, held: try await holdings(target, into: &result), into: &result)
            }
            result.objects.append(counts)
            if let link = TargetLinks.linkObject(for: target.object), !linkObjects.contains(link) {
                linkObjects.append(link)
            }
        }
        for link in linkObjects {
            guard let target = WriteTarget(sourceObject: "\(link)#links", object: link, in: workspace) else {
                continue
            }
            var counts = ObjectReconciliation(sourceObject: "(links)", object: link)
            try await compareLinks(target, counts: &counts, into: &result)
            result.objects.append(counts)
        }
        return result
    }

    /// Appends `reconciliation.computed` with `result`'s summary and where its report was written.
    public static func record(_ result: ReconciliationResult, reportPath: String?, in ledger: Ledger) throws {
        try ledger.append([
            .reconciliationComputed(ReconciliationComputed(summary: result.summary, reportPath: reportPath))
        ])
    }

    /// Every record of `target` Twenty holds, by id; records carrying our source id that the ledger does not know
    /// are added to `unexpected` the first time the object is read.
    private func holdings(_ target: WriteTarget, into result: inout ReconciliationResult) async throws
        -> [String: JSONValue]
    {
        if let known = held[target.object] { return known }
        var records: [String: JSONValue] = [:]
        result.requests += try await ReadBack(client: client).every(in: target, pageSize: workspace.batchMaximum) {
            for record in $0 { if let id = record["id"]?.stringValue { records[id] = record } }
        }
        held[target.object] = records
        let ours = try ledger.twentyIds(object: target.object)
        for (id, record) in records.sorted(by: { $0.key < $1.key }) where !ours.contains(id) {
            guard let sourceId = record[RecordTransformer.sourceIdField]?.stringValue, !sourceId.isEmpty else {
                continue
            }
            result.unexpected.append(UnexpectedRecord(object: target.object, twentyId: id, sourceId: sourceId))
        }
        return records
    }

    private func compare(
        _ object: ObjectMap, target: WriteTarget, counts: inout ObjectReconciliation,
        into result: inout ReconciliationResult
    ) async throws {
        let records = try await holdings(target, into: &result)
        var written: [String: WrittenRecord] = [:]
        try ledger.forEachWrittenRecord(object: target.object) { written[$0.twentyId] = $0 }
        let links = ParentLink.of(object)
        var parentsHeld: [String: Set<String>] = [:]
        for link in links where parentsHeld[link.parentSource] == nil {
            guard let parent = map.object(source: link.parentSource),
                let parentTarget = WriteTarget(
                    sourceObject: parent.source, object: parent.twentyObject, in: workspace)
            else { continue }
            parentsHeld[link.parentSource] = Set(try await holdings(parentTarget, into: &result).keys)
        }
        let comparison = FieldComparison(
            object: object, description: workspace.object(target.object), links: links,
            members: Set(workspace.members.map(\.id)), parentsHeld: parentsHeld)
        // Custom fields holding values; a relation's side is checked as a relation, not counted here.
        let description = workspace.object(target.object)
        let custom = (workspace.customFields[target.object] ?? []).filter {
            description?.field(named: $0)?.relation == nil
        }
        var population: [String: FieldPopulation] = [:]
        // Fields Twenty gives a value of its own when none is sent: its bookkeeping and the workspace's defaults.
        let filled = Self.filledOnCreate.union(description?.fields.filter { $0.defaultValue != nil }.map(\.name) ?? [])
        try ledger.forEachWrittenTransform(sourceObject: object.source) { transformed in
            guard let id = transformed.twentyId else { return }
            counts.written += 1
            let ours = written[id]
            guard let heldRecord = records[id] else {
                counts.missing += 1
                result.missing.append(
                    MissingRecord(
                        object: target.object, sourceObject: object.source, sourceId: transformed.sourceId,
                        twentyId: id))
                return
            }
            counts.present += 1
            // What the ledger says was last written (the create, then any update such as a parent link set later).
            var record = transformed
            record.values = ours?.values ?? transformed.values
            let source = try ledger.extractedRecord(object: object.source, sourceId: transformed.sourceId)?.values
            // `updatedAt` is Twenty's own bookkeeping: it tells drift from defects, it is not a difference itself.
            let rows = comparison.rows(record, source: source ?? [:], held: heldRecord).filter {
                $0.field != "updatedAt"
            }
            tally(
                rows, twentyId: id, held: heldRecord, written: record.values, writtenAt: ours?.writtenAt ?? "",
                filledByTwenty: filled, into: &result)
            for field in custom.sorted() {
                var entry =
                    population[field]
                    ?? FieldPopulation(sourceObject: object.source, object: target.object, field: field)
                if !SampleValue.isEmpty(record.values[field] ?? .null) { entry.written += 1 }
                if !SampleValue.isEmpty(heldRecord[field] ?? .null) { entry.held += 1 }
                population[field] = entry
            }
        }
        result.population += population.values.sorted { $0.field < $1.field }
    }

    /// Task and note targets: each link the ledger wrote must be held with both ends where they were written.
    private func compareLinks(
        _ target: WriteTarget, counts: inout ObjectReconciliation, into result: inout ReconciliationResult
    ) async throws {
        let records = try await holdings(target, into: &result)
        try ledger.forEachWrittenRecord(object: target.object) { ours in
            counts.written += 1
            guard let heldRecord = records[ours.twentyId] else {
                counts.missing += 1
                result.missing.append(
                    MissingRecord(
                        object: target.object, sourceObject: "(links)", sourceId: ours.sourceId ?? "",
                        twentyId: ours.twentyId))
                return
            }
            counts.present += 1
            let rows = (ours.values.objectValue ?? [:]).keys.sorted().filter { $0 != "id" }.map { end in
                SampleDiffRow(
                    object: target.object, sourceId: ours.sourceId ?? "", column: "", field: end, check: .relation,
                    source: "", sent: FieldComparison.text(ours.values[end]),
                    held: FieldComparison.text(heldRecord[end]),
                    agrees: SampleValue.agrees(ours.values[end], heldRecord[end], path: end))
            }
            tally(
                rows, twentyId: ours.twentyId, held: heldRecord, written: ours.values, writtenAt: ours.writtenAt,
                into: &result)
        }
    }

    /// What Twenty sets on every record it creates when it is not sent.
    static let filledOnCreate: Set<String> = ["createdAt", "position", "createdBy", "updatedBy"]

    /// Counts the rows' relation and owner checks, and classifies every row that disagrees.
    private func tally(
        _ rows: [SampleDiffRow], twentyId: String, held: JSONValue, written: JSONValue, writtenAt: String,
        filledByTwenty: Set<String> = Reconciliation.filledOnCreate, into result: inout ReconciliationResult
    ) {
        result.compared += rows.count
        var kind: (kind: DifferenceKind, reason: String)?
        for row in rows {
            if [.relation, .selfLink, .target].contains(row.check), !row.sent.isEmpty {
                result.relations.checked += 1
                if row.agrees { result.relations.holding += 1 }
            }
            if row.check == .owner, !row.sent.isEmpty {
                result.owners.checked += 1
                if row.agrees { result.owners.holding += 1 }
            }
            guard !row.agrees else { continue }
            // One verdict per record: the same updatedAt speaks for all of its fields.
            let verdict = kind ?? DifferenceKind.of(held: held, written: written, writtenAt: writtenAt)
            kind = verdict
            // A field we never sent that Twenty filled itself (createdAt, a default) when it created the record:
            // not something we sent and it failed to keep. Filled later by someone, it is drift and shown.
            let root = String(row.field.split(separator: ".").first ?? "")
            if verdict.kind == .defect, written[root] == nil, filledByTwenty.contains(root) { continue }
            result.differences.append(
                FieldDifference(row: row, twentyId: twentyId, kind: verdict.kind, reason: verdict.reason))
        }
    }
}
