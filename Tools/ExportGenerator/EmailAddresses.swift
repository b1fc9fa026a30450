/// Email addresses that are valid and unique by construction: the local part ends with the contact's
/// number, after a part made only of letters, dots and underscores, so two contacts can never share one.
enum EmailAddresses {
    /// `percentile` (0..<100) picks the company's address style: first.last, f.last, first, firstlast, first_last.
    static func localPart(first: NamePart, last: NamePart, number: Int, percentile: Int) -> String {
        let name: String
        switch percentile {
        case 0..<30: name = first.ascii + "." + last.ascii
        case 30..<55: name = String(first.ascii.prefix(1)) + "." + last.ascii
        case 55..<75: name = first.ascii
        case 75..<90: name = first.ascii + last.ascii
        default: name = first.ascii + "_" + last.ascii
        }
        return name + String(number)
    }
}

/// The planted invalid emails, each made from the contact's own address so no two are equal (which would
/// add an unplanted duplicate-email).
enum InvalidEmails {
    static let variantCount = 5

    static func make(localPart: String, domain: String, variant: Int) -> String {
        switch variant {
        case 0: localPart + "@"
        case 1: localPart + " at " + domain
        case 2: localPart + "@@" + domain
        case 3: String(localPart.prefix(1)) + " " + String(localPart.dropFirst()) + "@" + domain
        default: localPart + "@" + domain.replacingLastDot(with: ",")
        }
    }
}

extension String {
    fileprivate func replacingLastDot(with replacement: String) -> String {
        guard let dot = lastIndex(of: ".") else { return self + replacement }
        return String(self[..<dot]) + replacement + String(self[index(after: dot)...])
    }
}
