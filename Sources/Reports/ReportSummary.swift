/// The four questions a person opening a report asks first: what is ready, what needs me, what was lost or refused,
/// and how long it will take. Each answer is a list of short sentences with their numbers in them.
public struct ReportSummary: Sendable, Equatable {
    public var ready: [String]
    public var decisions: [String]
    public var lost: [String]
    /// The time estimate, when the report knows one.
    public var estimate: String?

    public init(ready: [String] = [], decisions: [String] = [], lost: [String] = [], estimate: String? = nil) {
        self.ready = ready
        self.decisions = decisions
        self.lost = lost
        self.estimate = estimate
    }
}
