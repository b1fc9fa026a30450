/// What reconciliation found for one source object: where its records went by the ledger, and whether Twenty
/// holds the ones the ledger says were written.
public struct ObjectReconciliation: Sendable, Equatable {
    public var sourceObject: String
    /// The Twenty object written (`taskTarget` and `noteTarget` rows stand for the links of tasks and notes).
    public var object: String
    public var extracted = 0
    public var excluded = 0
    public var rejected = 0
    /// Transformed and not written yet: a migration that is not finished does not reconcile.
    public var pending = 0
    public var written = 0
    /// Written records Twenty holds now, and those it does not.
    public var present = 0
    public var missing = 0

    public init(sourceObject: String, object: String) {
        self.sourceObject = sourceObject
        self.object = object
    }
}

/// A record the ledger says was written that Twenty does not list (deleted, soft-deleted, or never kept).
public struct MissingRecord: Sendable, Equatable {
    public var object: String
    public var sourceObject: String
    public var sourceId: String
    public var twentyId: String
}

/// A record carrying our source-id field that the ledger does not know: written by something else (another
/// project, a CSV import of the same export, a person copying a record).
public struct UnexpectedRecord: Sendable, Equatable {
    public var object: String
    public var twentyId: String
    public var sourceId: String
}

/// One field Twenty holds differently from what the ledger says we wrote: the sample's row (source value, value
/// written, value held, the check) with the record's id and whether it is a defect or drift (see `DifferenceKind`).
public struct FieldDifference: Sendable, Equatable {
    public var row: SampleDiffRow
    public var twentyId: String
    public var kind: DifferenceKind
    public var reason: String
}

/// How many written records of an object give a custom field a value, and how many Twenty holds with one.
public struct FieldPopulation: Sendable, Equatable {
    public var sourceObject: String
    public var object: String
    public var field: String
    public var written = 0
    public var held = 0
}

/// A check that counts (relations, owners): how many were checked and how many hold.
public struct CheckCount: Sendable, Equatable {
    public var checked = 0
    public var holding = 0
}
