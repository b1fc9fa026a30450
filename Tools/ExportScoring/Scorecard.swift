/// How an understanding, an audit and a proposal of an export compare with the export's answer key: per measure,
/// how many were right of how many, and each miss in words.
public struct Scorecard: Sendable {
    public struct Tally: Sendable {
        public var right = 0
        public var total = 0
        /// One line per miss: what was expected and what the tool made of it.
        public var misses: [String] = []

        mutating func check(_ ok: Bool, _ miss: @autoclosure () -> String) {
            total += 1
            if ok { right += 1 } else { misses.append(miss()) }
        }

        public var line: String { "\(right)/\(total)" }
    }

    public var name = ""
    public var roles = Tally()
    public var keys = Tally()
    public var labels = Tally()
    /// Columns whose standard meaning (`Company Name`) the understanding found.
    public var meanings = Tally()
    public var relations = Tally()
    /// Relations the tool found that the key does not have.
    public var falseRelations: [String] = []
    public var polymorphic = Tally()
    /// Planted defects the audit found at their file and line.
    public var defects = Tally()
    /// Findings of the kinds the writer plants that no planted defect explains.
    public var falseFindings: [String] = []
    /// Columns the proposal sent where the key says.
    public var mapped = Tally()
    /// Wrong mappings proposed at 0.8 confidence or more: the worst outcome, to be zero.
    public var confidentlyWrong: [String] = []

    public var summary: String {
        """
        \(name): roles \(roles.line), keys \(keys.line), labels \(labels.line), meanings \(meanings.line), \
        relations \(relations.line) (\(falseRelations.count) false), type+id pairs \(polymorphic.line), \
        defects \(defects.line) (\(falseFindings.count) false findings), mapped \(mapped.line) \
        (\(confidentlyWrong.count) wrong at >= 0.8)
        """
    }

    /// Every miss, for a person to read.
    public var details: [String] {
        roles.misses.map { "role: " + $0 } + keys.misses.map { "key: " + $0 } + labels.misses.map { "label: " + $0 }
            + meanings.misses.map { "meaning: " + $0 } + relations.misses.map { "relation: " + $0 }
            + falseRelations.map { "false relation: " + $0 } + polymorphic.misses.map { "type+id: " + $0 }
            + defects.misses.map { "defect: " + $0 } + falseFindings.map { "false finding: " + $0 }
            + mapped.misses.map { "mapping: " + $0 } + confidentlyWrong.map { "WRONG AT >= 0.8: " + $0 }
    }
}
