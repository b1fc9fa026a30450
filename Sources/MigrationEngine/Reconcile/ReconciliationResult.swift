import CanonicalJSON

/// Everything one reconciliation found: per object counts, the records missing from Twenty and those unknown to the
/// ledger, every field-level difference classified, relations, owners and custom-field population.
public struct ReconciliationResult: Sendable {
    public var objects: [ObjectReconciliation] = []
    public var missing: [MissingRecord] = []
    public var unexpected: [UnexpectedRecord] = []
    public var differences: [FieldDifference] = []
    /// Fields compared on the records Twenty holds.
    public var compared = 0
    /// Join columns (task and note targets included) that point at the record the source names, held by Twenty.
    public var relations = CheckCount()
    /// Owner fields that hold the member the source names.
    public var owners = CheckCount()
    /// Attachments whose stored file, read back, has the export's size and SHA-256.
    public var files = CheckCount()
    public var population: [FieldPopulation] = []
    /// Requests made to read Twenty.
    public var requests = 0

    public var defects: [FieldDifference] { differences.filter { $0.kind == .defect } }
    public var drift: [FieldDifference] { differences.filter { $0.kind == .drift } }
    public var pending: Int { objects.reduce(0) { $0 + $1.pending } }

    /// True when Twenty holds exactly what the ledger says was written, everything extracted was written, rejected
    /// or excluded, and nothing else carries our source id. Drift alone does not stop a migration reconciling.
    public var reconciles: Bool { missing.isEmpty && unexpected.isEmpty && defects.isEmpty && pending == 0 }

    /// The unexpected records of `row`'s Twenty object, counted on the first row of that object only (two source
    /// objects can feed one Twenty object; its unexpected records belong to neither).
    public func unexpected(in row: ObjectReconciliation) -> Int {
        guard objects.first(where: { $0.object == row.object })?.sourceObject == row.sourceObject else { return 0 }
        return unexpected.filter { $0.object == row.object }.count
    }

    /// The figures, as the `reconciliation.computed` event and `reconciliation.json` carry them.
    public var summary: JSONValue {
        func number(_ value: Int) -> JSONValue { .integer(Int64(value)) }
        let objects = self.objects.map { o -> JSONValue in
            .object([
                "sourceObject": .string(o.sourceObject), "object": .string(o.object), "extracted": number(o.extracted),
                "excluded": number(o.excluded), "rejected": number(o.rejected), "pending": number(o.pending),
                "written": number(o.written), "present": number(o.present), "missing": number(o.missing),
                "unexpected": number(unexpected(in: o)),
            ])
        }
        return .object([
            "reconciles": .bool(reconciles), "objects": .array(objects), "compared": number(compared),
            "defects": number(defects.count), "drift": number(drift.count), "missing": number(missing.count),
            "unexpected": number(unexpected.count), "pending": number(pending),
            "relations": ["checked": number(relations.checked), "holding": number(relations.holding)],
            "owners": ["checked": number(owners.checked), "holding": number(owners.holding)],
            "files": ["checked": number(files.checked), "holding": number(files.holding)],
            "requests": number(requests),
        ])
    }
}
