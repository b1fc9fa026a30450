import FieldMap
import Ledger

/// The checks of one object's transformed records against each other and against their parents, before any
/// write: uniqueness inside the export, links to missing or rejected parents, and parent cycles. Prepared by a
/// first pass (`scan`) over the object's records when its transformer needs one.
public struct ObjectValidation: Sendable {
    public let policies: MapPolicies
    public private(set) var unique = UniqueKeyIndex()
    /// Ids of the object's records, for links to the same object; nil when no first pass was made.
    public private(set) var ids: Set<String>?
    public private(set) var cycles: [String: [String]] = [:]
    private var parents: [String: String] = [:]

    public init(policies: MapPolicies) { self.policies = policies }

    /// First pass: one record's unique keys and parent link.
    public mutating func scan(_ transformer: RecordTransformer, sourceId: String, values: [String: String]) {
        if ids == nil { ids = [] }
        ids!.insert(sourceId)
        guard SourceIds.repeatedOf(sourceId) == nil else { return }
        let (keys, parent) = transformer.keyScan(sourceId: sourceId, values: values)
        for key in keys { unique.add(key, sourceId: sourceId) }
        if let parent { parents[sourceId] = parent }
    }

    /// Ends the first pass: finds the cycles and keeps only colliding keys.
    public mutating func finishScan() {
        unique.seal()
        cycles = ParentCycles.find(parents)
        parents = [:]
    }

    /// The outcome after validation, and the codes of links dropped under `missingParent: dropLink`.
    /// The record's outcome after the checks that need other records, and every link of it that will not be
    /// written (dropped under `dropLink`, or a reason of its rejection under `reject`), each to be recorded.
    public func validate(_ outcome: TransformOutcome, registry: ParentRegistry) -> (
        TransformOutcome, unresolved: [ReferentialIntegrity.Finding]
    ) {
        guard case .transformed(var record) = outcome else { return (outcome, []) }
        var reasons = unique.reasons(for: record, policy: policies.duplicateInExport)
        var findings = ReferentialIntegrity.check(record, registry: registry, selfIds: ids)
        if let cycle = cycles[record.sourceId],
            let link = record.references.first(where: { $0.object == record.object })
        {
            let description =
                cycle.count == 1
                ? "is its own parent" : "is in a parent cycle: \((cycle + [cycle[0]]).joined(separator: " -> "))"
            findings.append(.init(reference: link, code: .parentCycle, message: "\(record.sourceId) \(description)"))
        }
        for finding in findings {
            switch policies.missingParent {
            case .reject:
                reasons.append(.init(field: finding.reference.column, code: finding.code, message: finding.message))
            case .dropLink:
                record.payload[finding.reference.joinColumn] = nil
                record.references.removeAll { $0 == finding.reference }
            }
        }
        guard reasons.isEmpty else {
            return (
                .rejected(
                    RecordRejection(
                        object: record.object, sourceId: record.sourceId, file: record.file, line: record.line,
                        reasons: reasons)), findings
            )
        }
        return (.transformed(record), findings)
    }
}
