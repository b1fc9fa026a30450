import Foundation

/// A full name written in one column, split into Twenty's `firstName` and `lastName`.
///
/// Rules: `Last, First` is read as such; honorifics (`Dr.`, `Mrs`) are dropped; the last name starts at the first
/// particle (`van`, `de la`, `bin`, ...) after the first word, otherwise it is the last word; generational
/// suffixes (`Jr.`, `III`) stay with the last name; middle names stay with the first name. A single word is a
/// first name. `O'Brien` and hyphenated names are one word, so they need no rule.
public enum PersonNames {
    public struct Split: Sendable, Equatable {
        public var firstName: String
        public var lastName: String

        public init(firstName: String, lastName: String) {
            self.firstName = firstName
            self.lastName = lastName
        }
    }

    static let particles: Set<String> = [
        "van", "von", "vom", "zu", "der", "den", "de", "del", "della", "dello", "degli", "di", "da", "das", "dos", "do",
        "du", "des", "la", "le", "lo", "ter", "ten", "te", "op", "bin", "binti", "ibn", "bint", "al", "el", "st.",
        "saint",
        "mac", "af", "av",
    ]
    static let honorifics: Set<String> = [
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "sir", "dame",
    ]
    static let suffixes: Set<String> = [
        "jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d.", "md", "m.d.", "esq", "esq.",
    ]

    public static func split(_ fullName: String) -> Split {
        let trimmed = Text.trimmed(fullName)
        if let comma = trimmed.firstIndex(of: ",") {
            let last = Text.trimmed(String(trimmed[..<comma]))
            let rest = Text.trimmed(String(trimmed[trimmed.index(after: comma)...]))
            // `King, Martin Luther` but not `Martin King, Jr.`: a suffix after the comma belongs to the name before it.
            if !rest.isEmpty, !suffixes.contains(rest.lowercased()) {
                return Split(firstName: rest, lastName: last)
            }
        }
        var words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        while words.count > 1, honorifics.contains(words[0].lowercased()) { words.removeFirst() }
        guard words.count > 1 else { return Split(firstName: words.first ?? "", lastName: "") }
        var suffix: [String] = []
        while words.count > 2,
            suffixes.contains(words[words.count - 1].lowercased().replacingOccurrences(of: ",", with: ""))
        {
            suffix.insert(words.removeLast(), at: 0)
        }
        if let last = words.last, last.hasSuffix(",") { words[words.count - 1] = String(last.dropLast()) }
        var lastStart = words.count - 1
        for index in 1..<words.count - 1 where particles.contains(words[index].lowercased()) {
            lastStart = index
            break
        }
        return Split(
            firstName: words[..<lastStart].joined(separator: " "),
            lastName: (words[lastStart...] + suffix).joined(separator: " "))
    }
}
