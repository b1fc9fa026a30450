import FieldMap
import Foundation
import Ledger

/// Transforms every current source record of the latest snapshot under a confirmed map, object by object in
/// dependency order, and records each outcome in the ledger: `record.transformed` (the payload), `record.rejected`
/// (every reason, with file and line) or `record.excluded` (an object the map skips). Events are appended in large
/// transactions; records settled under the same map by an earlier run are counted but not appended again.
public struct TransformRun {
    public static let command = "transform"
    /// The rule of the `record.excluded` events of an object the map skips.
    public static let mapSkipRule = "map-skip"

    let ledger: Ledger
    let map: FieldMap
    let mapSha256: String
    let context: TransformContext
    /// Events per transaction: large enough that the commit's fsync is amortised, small enough to bound memory.
    public var batchSize = 20_000
    /// Called after each object with its counts.
    public var progress: ((TransformSummary.ObjectCounts) -> Void)?

    public init(ledger: Ledger, map: FieldMap, mapSha256: String, context: TransformContext) {
        self.ledger = ledger
        self.map = map
        self.mapSha256 = mapSha256
        self.context = context
    }

    public static func mode(mapSha256: String) -> String { "map:" + mapSha256 }

    public func run() throws -> TransformSummary {
        let mode = Self.mode(mapSha256: mapSha256)
        let earlierRuns = try ledger.runIds(command: Self.command, mode: mode)
        var pending: [LedgerEvent] = [.runStarted(RunStarted(command: Self.command, mode: mode))]
        var summary = TransformSummary()
        var registry = ParentRegistry()
        // References by name, email or domain resolve against their targets' current records, read once.
        var context = self.context
        for need in ReferenceResolver.needs(map) {
            try ledger.forEachCurrentRecord(object: need.object, columns: need.columns) { record in
                context.resolver.add(need, sourceId: record.sourceId, values: record.values)
            }
        }
        func flush(force: Bool = false) throws {
            guard force || pending.count >= batchSize, !pending.isEmpty else { return }
            try ledger.append(pending)
            summary.newEvents += pending.count
            pending.removeAll(keepingCapacity: true)
        }
        for objectMap in DependencyOrder.sorted(map.objects) {
            // Rejections are attributed to a map through their run's id: one ledger handle (one run id) used for
            // runs under two maps in one process would blur that, which the CLI never does (a handle per command).
            let settled = try SettledRecords(
                ledger: ledger, object: objectMap.source, mapSha256: mapSha256, runs: earlierRuns)
            var counts = TransformSummary.ObjectCounts(object: objectMap.source, target: objectMap.target)
            counts.source = settled.current.count
            let transformer = RecordTransformer(objectMap: objectMap, context: context)
            var validation = ObjectValidation(policies: context.policies)

            if case .skip = objectMap.disposition {
                for sourceId in settled.current.keys.sorted() {
                    registry.record(object: objectMap.source, sourceId: sourceId, .excluded)
                    counts.excluded += 1
                    if settled.outcomes[sourceId] == .excluded {
                        counts.alreadySettled += 1
                    } else {
                        pending.append(
                            .recordExcluded(
                                RecordExcluded(object: objectMap.source, sourceId: sourceId, rule: Self.mapSkipRule)))
                        try flush()
                    }
                }
                summary.objects.append(counts)
                progress?(counts)
                continue
            }
            if transformer.needsKeyScan {
                // The first pass reads only the columns it transforms.
                try ledger.forEachCurrentRecord(object: objectMap.source, columns: transformer.keyScanColumns) {
                    record in
                    validation.scan(transformer, sourceId: record.sourceId, values: record.values)
                }
                validation.finishScan()
            }
            try ledger.forEachCurrentRecord(object: objectMap.source, columns: nil) { record in
                if let outcome = settled.outcomes[record.sourceId] {
                    counts.alreadySettled += 1
                    switch outcome {
                    case .transformed:
                        counts.transformed += 1
                        registry.record(object: objectMap.source, sourceId: record.sourceId, .transformed)
                    case .rejected:
                        counts.rejected += 1
                        registry.record(object: objectMap.source, sourceId: record.sourceId, .rejected)
                    case .excluded:
                        counts.excluded += 1
                        registry.record(object: objectMap.source, sourceId: record.sourceId, .excluded)
                    }
                    return
                }
                let (outcome, unresolved) = validation.validate(transformer.transform(record), registry: registry)
                // Every link that will not be written is its own event, whatever becomes of the record.
                for finding in unresolved {
                    let rejected = if case .rejected = outcome { true } else { false }
                    summary.unresolvedLinks[finding.code.rawValue, default: 0] += 1
                    if !rejected { summary.droppedLinks[finding.code.rawValue, default: 0] += 1 }
                    pending.append(
                        .linkUnresolved(
                            LinkUnresolved(
                                object: objectMap.source, sourceId: record.sourceId, file: record.file,
                                line: record.line,
                                column: finding.reference.column, value: finding.reference.value,
                                targetObject: finding.reference.object, code: finding.code.rawValue,
                                message: finding.message,
                                outcome: rejected ? "rejected" : "written-without-link", mapSha256: mapSha256)))
                }
                if case .transformed(let written) = outcome { summary.linksWritten += written.references.count }
                switch outcome {
                case .transformed(let transformed):
                    counts.transformed += 1
                    registry.record(object: objectMap.source, sourceId: record.sourceId, .transformed)
                    pending.append(
                        .recordTransformed(transformed.event(mapSha256: mapSha256, identity: context.identity)))
                case .rejected(let rejection):
                    counts.rejected += 1
                    registry.record(object: objectMap.source, sourceId: record.sourceId, .rejected)
                    for reason in rejection.reasons { summary.reasonsByCode[reason.code.rawValue, default: 0] += 1 }
                    pending.append(.recordRejected(rejection.event))
                }
                try flush()
            }
            summary.objects.append(counts)
            progress?(counts)
        }
        var totals: [String: Int] = ["events": summary.newEvents + pending.count + 1]
        for counts in summary.objects {
            totals[counts.object + ".source"] = counts.source
            totals[counts.object + ".transformed"] = counts.transformed
            totals[counts.object + ".rejected"] = counts.rejected
            totals[counts.object + ".excluded"] = counts.excluded
        }
        pending.append(.runCompleted(RunCompleted(command: Self.command, counts: totals)))
        try flush(force: true)
        return summary
    }
}
