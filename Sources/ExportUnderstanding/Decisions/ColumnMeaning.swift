import AllegoryExport

/// What each column of a file means for its role: the standard column its header names (in any of the names real
/// exports use), checked against what its values are.
enum ColumnMeaning {
    struct HeaderMatch: Equatable {
        let standard: String
        /// The header is the standard name itself, not a synonym.
        let exact: Bool
    }

    /// The standard column each header names, if any. Vendor prefixes that repeat the object's name
    /// (`Deal - Title`, `Organization - Name`, `Person - Email`) are read without it.
    static func headerMatches(_ header: [String], role: ObjectRole) -> [HeaderMatch?] {
        let stripped = header.map { strippingObjectPrefix($0, role: role) }
        var result: [HeaderMatch?] = SourceProfile.match(header: stripped, object: role.rawValue).map {
            if case .standard(let column, let exact) = $0 { return HeaderMatch(standard: column, exact: exact) }
            return nil
        }
        // Headers no name matched, read again without units and qualifiers (`Value (GBP)`, `arr_usd`, `hq_city`,
        // `Opportunity Currency`), for standard columns no other header claimed.
        let claimed = Set(result.compactMap { $0?.standard })
        let loosened = header.enumerated().map { index, name in result[index] == nil ? loosen(name, role: role) : "" }
        for (index, match) in SourceProfile.match(header: loosened, object: role.rawValue).enumerated() {
            guard result[index] == nil, !loosened[index].isEmpty, case .standard(let column, _) = match,
                !claimed.contains(column)
            else { continue }
            result[index] = HeaderMatch(standard: column, exact: false)
        }
        return result
    }

    /// Words that qualify a column without changing what it is: a unit, a scope, an encoding.
    static let qualifiers: Set<String> = [
        "hq", "headquarters", "billing", "mailing", "primary", "main", "e164", "iso", "usd", "eur", "gbp", "chf", "jpy",
        "unix", "serial", "epoch", "utc", "ts", "key", "min", "mins", "code", "in", "txt", "str",
    ]

    /// The header without parenthesised parts, qualifiers, and a leading word naming the file's own object.
    static func loosen(_ header: String, role: ObjectRole) -> String {
        var text = ""
        var depth = 0
        for character in header {
            if character == "(" || character == "[" {
                depth += 1
            } else if character == ")" || character == "]" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                text.append(character)
            }
        }
        var words = HeaderWords.split(text).filter { !qualifiers.contains($0) }
        let own = ObjectVocabulary.nameStems(role)
        if words.count > 1, own.contains(HeaderWords.stem(words[0])) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// `Deal - Title` -> `Title` in a file of deals; other headers as they are.
    static func strippingObjectPrefix(_ header: String, role: ObjectRole) -> String {
        guard let dash = header.range(of: " - ") else { return header }
        let prefix = HeaderWords.stem(HeaderName.normalize(String(header[..<dash.lowerBound])))
        let names = ObjectVocabulary.nameStems(role)
        return names.contains(prefix) ? String(header[dash.upperBound...]) : header
    }

    /// The kinds of value a standard column holds, when that is checkable (nil: anything goes).
    static func expectedKinds(_ standard: String) -> Set<String>? {
        switch standard {
        case "Email", "Owner Email", "Assignee Email", "Author Email": ["email", "text", "picklist"]
        case "Website", "LinkedIn": ["url"]
        case "Phone", "Mobile": ["phone"]
        case "Created", "Modified", "Close Date", "Due Date", "Occurred At", "Last Activity", "Completed At",
            "Uploaded At":
            ["date", "dateTime"]
        case "Employees", "Size", "Duration Minutes", "Order": ["integer"]
        case "Amount", "Annual Revenue": ["integer", "decimal", "currency"]
        case "Probability": ["integer", "decimal", "currency"]
        default: nil
        }
    }

    /// The kind word a profile's type is recorded as.
    static func kind(_ type: ColumnType) -> (kind: String, format: String?) {
        switch type {
        case .empty: ("empty", nil)
        case .boolean: ("boolean", nil)
        case .integer: ("integer", nil)
        case .decimal: ("decimal", nil)
        case .currency: ("currency", nil)
        case .date(let format): ("date", format.rawValue)
        case .dateTime(let format): ("dateTime", format.rawValue)
        case .email: ("email", nil)
        case .phone: ("phone", nil)
        case .url: ("url", nil)
        case .picklist: ("picklist", nil)
        case .text: ("text", nil)
        }
    }
}
