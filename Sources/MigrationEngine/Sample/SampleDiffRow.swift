/// One field of one sampled record: where it came from, what was sent and what Twenty holds.
public struct SampleDiffRow: Sendable, Equatable {
    /// What the row checks.
    public enum Check: String, Sendable {
        /// Sent and held agree after Twenty's normalisation.
        case value
        /// The held value is among the pick-list field's options.
        case option
        /// The held owner is a workspace member, the one sent.
        case owner
        /// The held join column is the parent's deterministic id, and Twenty holds that parent.
        case relation
        /// A link to a record of the same object (a parent company), set in the second pass: held as sent, and
        /// Twenty holds that record.
        case selfLink
        /// A task's or note's targets read back from Twenty are the records its source links name.
        case target
        /// The attachment's file read back from Twenty has the export's size and SHA-256.
        case attachment
    }

    public var object: String
    public var sourceId: String
    /// The source column the map says feeds the field; empty for what the tool adds (id, source id, dates).
    public var column: String
    /// The field path in Twenty (`emails.primaryEmail`).
    public var field: String
    public var check: Check
    public var source: String
    public var sent: String
    public var held: String
    public var agrees: Bool
    /// Why a row disagrees, when the values alone do not say it.
    public var note: String = ""
}
