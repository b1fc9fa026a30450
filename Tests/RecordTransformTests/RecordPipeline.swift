import CanonicalJSON
import FieldMap
import Ledger
import RecordTransform

/// Transform and validation of in-memory records, object by object in the order given, as `TransformRun` does
/// over the ledger: for tests that need exact inputs.
struct RecordPipeline {
    struct Input {
        let sourceId: String
        let line: Int
        let values: [String: String]
    }

    private(set) var context: TransformContext
    private(set) var registry = ParentRegistry()
    /// Every link not written so far, as `link.unresolved` events would record them.
    private(set) var unresolved: [ReferentialIntegrity.Finding] = []
    private let needs: [ReferenceResolver.Need]

    /// `map`: the whole map, when its references by name must resolve (as `TransformRun` reads them first).
    init(context: TransformContext, map: FieldMap? = nil) {
        self.context = context
        needs = map.map(ReferenceResolver.needs) ?? []
    }

    mutating func run(_ objectMap: ObjectMap, _ records: [Input]) -> [TransformOutcome] {
        for need in needs where need.object == objectMap.source {
            for record in records { context.resolver.add(need, sourceId: record.sourceId, values: record.values) }
        }
        let transformer = RecordTransformer(objectMap: objectMap, context: context)
        var validation = ObjectValidation(policies: context.policies)
        if transformer.needsKeyScan {
            for record in records { validation.scan(transformer, sourceId: record.sourceId, values: record.values) }
            validation.finishScan()
        }
        return records.map { record in
            let (outcome, links) = validation.validate(
                transformer.transform(
                    sourceId: record.sourceId, file: objectMap.file, line: record.line, values: record.values),
                registry: registry
            )
            unresolved += links
            switch outcome {
            case .transformed: registry.record(object: objectMap.source, sourceId: record.sourceId, .transformed)
            case .rejected: registry.record(object: objectMap.source, sourceId: record.sourceId, .rejected)
            }
            return outcome
        }
    }
}

extension TransformOutcome {
    var payload: [String: JSONValue]? {
        if case .transformed(let record) = self { return record.payload }
        return nil
    }
    var rejection: RecordRejection? {
        if case .rejected(let rejection) = self { return rejection }
        return nil
    }
    var codes: [RejectionCode] { rejection?.reasons.map(\.code) ?? [] }
}
