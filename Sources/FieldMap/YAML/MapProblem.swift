/// One thing wrong with a map, where it is, and what to do: `map.yaml:42: contacts.Email -> emails.primaryEmial:
/// person has no subfield "primaryEmial" of emails (did you mean primaryEmail?)`.
public struct MapProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line in the file; 0 when the map was not read from a file.
    public var line: Int
    /// What the problem is about: `contacts.Email -> emails.primaryEmail`, `policies.duplicates`.
    public var subject: String
    public var message: String

    public init(file: String, line: Int, subject: String, message: String) {
        self.file = file
        self.line = line
        self.subject = subject
        self.message = message
    }

    public var description: String {
        (line > 0 ? "\(file):\(line): " : "\(file): ") + (subject.isEmpty ? "" : subject + ": ") + message
    }
}

/// A map that has problems: all of them, in file order.
public struct MapProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [MapProblem]

    public init(_ problems: [MapProblem]) { self.problems = problems.sorted { $0.line < $1.line } }

    public var description: String {
        "the map has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n"
            + problems.map { "  " + $0.description }.joined(separator: "\n")
    }
}

/// Where each part of a map was written in its file, so validation can name lines.
public struct MapLines: Sendable, Equatable {
    public var keys: [String: Int] = [:]
    public var objects: [ObjectLines] = []

    public struct ObjectLines: Sendable, Equatable {
        public var line: Int = 0
        public var keys: [String: Int] = [:]
        public var fields: [FieldLines] = []
    }

    public struct FieldLines: Sendable, Equatable {
        public var line: Int = 0
        public var keys: [String: Int] = [:]
        /// The line of each entry of `values`.
        public var values: [Int] = []
    }

    public init() {}

    func object(_ index: Int) -> ObjectLines { index < objects.count ? objects[index] : ObjectLines() }

    func field(_ object: Int, _ field: Int) -> FieldLines {
        let fields = self.object(object).fields
        return field < fields.count ? fields[field] : FieldLines()
    }
}
