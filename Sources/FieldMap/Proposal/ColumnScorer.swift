import AllegoryExport

/// One way a column could land: a rule, how sure the tool is, and why.
struct ColumnCandidate {
    let column: ColumnEvidence
    let rule: TargetRule
    let ruleIndex: Int
    let confidence: Double
    let reasons: [String]
}

/// Scores a column against a rule by its header (the profile's names and synonyms, then spelling) and by its
/// sampled values (type, share, distinct counts), so `Field 7` full of emails still reaches `emails.primaryEmail`.
enum ColumnScorer {
    /// Below this a header says nothing about the rule.
    static let headerThreshold = 0.6
    /// Below this a candidate is not proposed; the column becomes a custom field instead.
    static let minimumConfidence = 0.5
    /// What one kind of evidence alone (a header, or values) can reach: agreeing header and values are needed for 0.8.
    static let guessCeiling = 0.59

    /// - Parameter objectWords: stemmed words naming the file's object (`deal`, `opportunity`), which a header may
    ///   put in front of a column's name without changing it (`Opportunity Owner`, `Contact Email`).
    static func candidate(
        _ column: ColumnEvidence, _ rule: TargetRule, index: Int, profileSynonyms: [String],
        objectWords: Set<String> = []
    ) -> ColumnCandidate? {
        let (header, headerReason) = headerScore(
            column.column, rule: rule, synonyms: profileSynonyms, objectWords: objectWords)
        let fit = valueFit(rule.expect, column)
        var reasons: [String] = []
        var confidence: Double
        if header >= headerThreshold {
            reasons.append(headerReason)
            if let fit {
                confidence = header * (0.4 + 0.6 * fit)
                reasons.append(column.share(fit, rule.expect.words))
            } else {
                // A header alone is a guess: below 0.6, so the review lists it among the first to check.
                confidence = min(header * 0.85, guessCeiling)
                reasons.append(
                    "no values in the \(column.sampled) sampled records to confirm it; values would settle it")
            }
        } else if rule.distinctive, let fit, fit >= 0.9 {
            // Values alone are a guess too (a dotted date looks like a phone, a headcount like an amount).
            confidence = min(0.45 + 0.45 * fit, guessCeiling)
            reasons.append("header \"\(column.column)\" names no known column; only the values suggest it")
            reasons.append(column.share(fit, rule.expect.words))
            reasons.append("a header naming \(rule.column) would settle it: confirm in the review")
        } else {
            return nil
        }
        if let note = rule.note { reasons.append(note) }
        confidence = (confidence * 100).rounded() / 100
        guard confidence >= minimumConfidence else { return nil }
        return ColumnCandidate(column: column, rule: rule, ruleIndex: index, confidence: confidence, reasons: reasons)
    }

    static func headerScore(
        _ header: String, rule: TargetRule, synonyms: [String], objectWords: Set<String> = []
    ) -> (Double, String) {
        let normalized = HeaderName.normalize(header)
        if normalized == HeaderName.normalize(rule.column) {
            return (1, "header \"\(header)\" is the standard column \(rule.column)")
        }
        let names = synonyms + rule.synonyms
        if names.contains(where: { HeaderName.normalize($0) == normalized }) {
            return (0.95, "header \"\(header)\" is a synonym of \(rule.column)")
        }
        // CRMs prefix columns with their object's name (`Opportunity Owner`, `Contact Email`); in that object's own
        // file the prefix adds nothing, so what follows it must name the column.
        let words = HeaderWords.split(header)
        if words.count > 1, objectWords.contains(HeaderWords.stem(words[0])) {
            let rest = HeaderName.normalize(words.dropFirst().joined(separator: " "))
            if let name = ([rule.column] + names).first(where: { HeaderName.normalize($0) == rest }) {
                return (0.9, "header \"\(header)\" is \(name) with the object's name in front (\(rule.column))")
            }
        }
        var best = (0.0, "")
        for name in [rule.column] + names {
            let score = HeaderSimilarity.score(header, name)
            if score > best.0 { best = (score, name) }
        }
        return (best.0, "header \"\(header)\" resembles \"\(best.1)\" (\(rule.column))")
    }

    /// The share of sampled values that fit what the rule expects; nil when the sample holds no values.
    static func valueFit(_ expect: ValueExpectation, _ column: ColumnEvidence) -> Double? {
        guard !column.isEmpty else { return nil }
        // What the numbers mean, told apart by their markers and header (a headcount is not revenue, a year is not
        // a headcount): a number whose meaning contradicts the rule does not fit it, whatever its shape.
        if let meaning = column.number?.meaning {
            switch (expect, meaning) {
            case (.amount, .count), (.amount, .year), (.amount, .percent), (.amount, .identifier): return 0
            case (.number, .money), (.number, .year), (.number, .identifier): return 0
            default: break
            }
        }
        let share = column.typeShare
        switch (expect, column.type) {
        case (.text, .text), (.text, .picklist): return 1
        case (.text, _): return 0.7
        case (.choice, .picklist), (.choice, .boolean): return 1
        case (.choice, .text): return column.distinct <= ColumnEvidence.choiceLimit ? 0.8 : 0.4
        case (.choice, _): return 0.4
        case (.email, .email): return share
        case (.emailList, _): return column.emailListShare
        case (.phone, .phone): return share
        case (.url, .url): return share
        case (.timestamp, .date), (.timestamp, .dateTime): return share
        case (.number, .integer), (.number, .decimal): return share
        case (.number, .currency): return share * 0.8
        case (.amount, .currency), (.amount, .decimal), (.amount, .integer): return share
        case (.currencyCode, _): return column.currencyCodeShare
        case (.boolean, .boolean): return share
        case (.identifier, _): return column.identifierShare
        case (.mime, _): return column.mimeShare
        default: return 0
        }
    }
}
