import FieldMap
import Ledger

/// What became of every source record of the objects transformed so far, so that a child's link to its parent
/// can be checked: objects are transformed in dependency order (companies before contacts before deals ...).
public struct ParentRegistry: Sendable {
    public enum Status: Sendable, Equatable {
        case transformed
        case rejected
        case excluded
    }

    private var statuses: [String: [String: Status]] = [:]

    public init() {}

    public mutating func record(object: String, sourceId: String, _ status: Status) {
        statuses[object, default: [:]][sourceId] = status
    }

    public func status(object: String, sourceId: String) -> Status? { statuses[object]?[sourceId] }

    public func knows(object: String) -> Bool { statuses[object] != nil }
}

/// Links to parents that will not exist in Twenty: absent from the export (or from the objects migrated), or
/// rejected or excluded. The map's `missingParent` policy decides: reject the child, or drop the link and write
/// the child without it (the dropped links are counted in the run's summary).
public enum ReferentialIntegrity {
    public struct Finding: Sendable, Equatable {
        public let reference: Reference
        public let code: RejectionCode
        public let message: String

        public init(reference: Reference, code: RejectionCode, message: String) {
            self.reference = reference
            self.code = code
            self.message = message
        }

        /// A code and message decided when the value was read (a name that matches no record, or several).
        public struct Cause: Sendable, Equatable {
            public let code: RejectionCode
            public let message: String

            public init(_ code: RejectionCode, _ message: String) {
                self.code = code
                self.message = message
            }
        }
    }

    /// Problems with the record's links to other objects. Links to the record's own object (a parent company)
    /// are checked against `selfIds`, the ids of the first pass, and by `ParentCycles`.
    public static func check(_ record: TransformedRecord, registry: ParentRegistry, selfIds: Set<String>?) -> [Finding]
    {
        record.references.compactMap { reference in
            if let cause = reference.unresolved {
                return Finding(reference: reference, code: cause.code, message: cause.message)
            }
            if reference.object == record.object {
                guard let selfIds, !selfIds.contains(reference.sourceId) else { return nil }
                return Finding(
                    reference: reference, code: .missingParent,
                    message: "no record of \(reference.object) has the id \(reference.sourceId)")
            }
            guard registry.knows(object: reference.object) else {
                return Finding(
                    reference: reference, code: .missingParent,
                    message:
                        "\(reference.object) is not migrated by the map, so \(reference.sourceId) will not exist in Twenty"
                )
            }
            switch registry.status(object: reference.object, sourceId: reference.sourceId) {
            case .transformed?: return nil
            case .rejected?:
                return Finding(
                    reference: reference, code: .rejectedParent,
                    message: "the \(reference.object) record \(reference.sourceId) was rejected")
            case .excluded?:
                return Finding(
                    reference: reference, code: .rejectedParent,
                    message: "the \(reference.object) record \(reference.sourceId) is excluded")
            case nil:
                return Finding(
                    reference: reference, code: .missingParent,
                    message: "no record of \(reference.object) has the id \(reference.sourceId)")
            }
        }
    }
}
