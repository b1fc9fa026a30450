/// The confirmed map asks for targets the workspace does not have (or cannot take), found before any record was
/// transformed; every problem names the map's object and column and the workspace's object and field.
public struct WorkspaceFitError: Error, CustomStringConvertible, Equatable {
    public let url: String
    public let problems: [Problem]

    public enum Kind: Sendable, Equatable {
        /// An object or field the map writes (and does not create) that the workspace lacks.
        case missingTarget
        /// A field the workspace holds as a type the mapping's transform cannot write.
        case incompatibleType
        /// A member the owner table or the fallback names that the workspace lacks.
        case missingMember
    }

    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public let kind: Kind
        /// The map's source object (`contacts`), or `owners` for the owner table.
        public let object: String
        /// The source column whose mapping is at fault; nil for a whole object or the owner table.
        public let column: String?
        public let message: String

        public init(_ kind: Kind, object: String, column: String?, message: String) {
            self.kind = kind
            self.object = object
            self.column = column
            self.message = message
        }

        public var description: String { (column.map { "\(object).\($0)" } ?? object) + ": " + message }
    }

    public init(url: String, problems: [Problem]) {
        self.url = url
        self.problems = problems
    }

    public var description: String {
        "map.yaml does not fit the workspace at \(url) (\(problems.count) problem\(problems.count == 1 ? "" : "s")):\n"
            + problems.map { "  " + $0.description }.joined(separator: "\n")
            + (problems.contains { $0.kind == .missingTarget } ? "\n" + Self.missingTargetHint : "")
    }

    /// Said once, after the list: custom fields and objects are the map's to create, anything else needs a map made
    /// for this workspace (a standard field named otherwise by another Twenty version, one deleted since).
    static let missingTargetHint =
        "A custom field or object the map should create needs a newField or newObject in map.yaml, which"
        + " `crm-migrate prepare` creates; otherwise propose the map against this workspace"
        + " (`crm-migrate map propose --twenty URL`), then confirm it again."
}
