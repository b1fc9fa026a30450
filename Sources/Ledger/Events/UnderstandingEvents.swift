import CanonicalJSON

/// `export.understood`: what the tool understood of the export of snapshot `snapshot` (each file's object, key and
/// label columns, each column's meaning, the relations between files), with its reasons. Recorded before the
/// records it identifies; audit, proposal and transform read the latest one.
public struct ExportUnderstood: EventPayload {
    public static let type = EventType.exportUnderstood
    public var snapshot: Int
    /// The understanding as the ExportUnderstanding target encodes it.
    public var understanding: JSONValue

    public init(snapshot: Int, understanding: JSONValue) {
        self.snapshot = snapshot
        self.understanding = understanding
    }
}

/// `link.unresolved`: a link a record makes that will not be written: its parent is absent, rejected or excluded,
/// its value names two records, or it closes a cycle. The record itself may still be written (`dropLink`) or be
/// rejected for it (`reject`); either way the link is accounted for here, with where it came from.
public struct LinkUnresolved: EventPayload {
    public static let type = EventType.linkUnresolved
    public var object: String?
    public var sourceId: String?
    public var file: String
    public var line: Int
    public var column: String
    public var value: String
    public var targetObject: String
    /// `missing-parent`, `rejected-parent`, `ambiguous-reference`, `parent-cycle`.
    public var code: String
    public var message: String
    /// What became of the record: `written-without-link` or `rejected`.
    public var outcome: String
    public var mapSha256: String

    public init(
        object: String, sourceId: String, file: String, line: Int, column: String, value: String, targetObject: String,
        code: String, message: String, outcome: String, mapSha256: String
    ) {
        self.object = object
        self.sourceId = sourceId
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.targetObject = targetObject
        self.code = code
        self.message = message
        self.outcome = outcome
        self.mapSha256 = mapSha256
    }
}
