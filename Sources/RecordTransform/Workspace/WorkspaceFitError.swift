/// The confirmed map asks for targets the workspace does not have (or cannot take), found before any record was
/// transformed; every problem names the map's object and column and the workspace's object and field.
public struct WorkspaceFitError: Error, CustomStringConvertible, Equatable {
    public let url: String
    public let problems: [Problem]

    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The map's source object (`contacts`), or `owners` for the owner table.
        public let object: String
        /// The source column whose mapping is at fault; nil for a whole object or the owner table.
        public let column: String?
        public let message: String

        public init(object: String, column: String?, message: String) {
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
    }
}
