import FieldMap

/// Values Twenty keeps unique (a person's primary email, a company's domain) that several records of one export
/// share. Built in a first pass over the object, so that every collision is reported with all of its source ids,
/// and decided by the map's `duplicateInExport` policy: keep the first in file order and reject the others, or
/// reject them all. Twenty would refuse the second record's batch with "A duplicate entry was detected".
public struct UniqueKeyIndex: Sendable {
    /// Key -> the source ids holding it, in file order; only keys held by several records are kept after `seal`.
    private var holders: [UniqueKeyID: [String]] = [:]
    private var firstHolder: [UniqueKeyID: String] = [:]

    struct UniqueKeyID: Hashable, Sendable {
        let code: RejectionCode
        let key: String
    }

    public init() {}

    public mutating func add(_ key: UniqueKey, sourceId: String) {
        let id = UniqueKeyID(code: key.code, key: key.key)
        if let first = firstHolder[id] {
            if holders[id] == nil { holders[id] = [first] }
            holders[id]!.append(sourceId)
        } else {
            firstHolder[id] = sourceId
        }
    }

    /// Drops the keys held once, keeping memory to the collisions.
    public mutating func seal() { firstHolder = [:] }

    public var collisions: Int { holders.count }

    /// The rejection reasons of a record under `policy`; empty when its keys collide with nothing or it is kept.
    public func reasons(for record: TransformedRecord, policy: MapPolicies.DuplicateInExport) -> [RecordRejection
        .Reason]
    {
        record.uniqueKeys.compactMap { key in
            guard let ids = holders[UniqueKeyID(code: key.code, key: key.key)], ids.count > 1 else { return nil }
            if policy == .keepFirst, ids.first == record.sourceId { return nil }
            let what = key.code == .duplicateEmail ? "the email" : "the domain"
            let kept =
                policy == .keepFirst
                ? "; the first, \(ids[0]), is kept" : "; all are rejected (duplicateInExport: rejectAll)"
            return RecordRejection.Reason(
                field: key.column, code: key.code,
                message: "\(what) \(key.key) is shared by \(ids.count) records: \(ids.joined(separator: ", "))\(kept)")
        }
    }
}
