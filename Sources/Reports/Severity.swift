/// How urgently a finding needs a person: what stops the migration, what a person must decide, what is only worth
/// knowing. Every report groups its findings by this one scale, so "what do I do first" reads the same everywhere.
public enum Severity: String, Sendable, CaseIterable, Comparable {
    /// Records will be lost or refused, or the migration cannot be trusted, until someone acts.
    case blocking
    /// The tool will go on, but a person has to choose how (or accept what it chose).
    case decision
    /// Worth knowing; nothing to do unless it surprises you.
    case notice

    /// The heading people read.
    public var title: String {
        switch self {
        case .blocking: "Must be fixed"
        case .decision: "Needs a decision"
        case .notice: "For information"
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
