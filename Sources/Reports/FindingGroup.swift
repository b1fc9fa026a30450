/// One kind of finding as a report shows it: how many, how serious, what to do about it, and a few examples, each
/// on its own line with where it is (`contacts.csv:12`), so a person can open the file at the line.
public struct FindingGroup: Sendable, Equatable {
    public var title: String
    public var severity: Severity
    public var count: Int
    public var meaning: String
    /// The action a person takes, as one sentence.
    public var whatToDo: String
    public var examples: [Example]

    public struct Example: Sendable, Equatable {
        /// `file:line`, or a record's name where the finding has no line (a record in Twenty).
        public var location: String
        public var text: String

        public init(location: String, text: String) {
            self.location = location
            self.text = text
        }
    }

    public init(
        title: String, severity: Severity, count: Int, meaning: String, whatToDo: String, examples: [Example]
    ) {
        self.title = title
        self.severity = severity
        self.count = count
        self.meaning = meaning
        self.whatToDo = whatToDo
        self.examples = examples
    }
}
