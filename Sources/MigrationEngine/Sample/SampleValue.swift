import CanonicalJSON
import Foundation

/// A value as the sample compares it: what was sent and what Twenty holds agree when they are equal after the
/// normalisation Twenty applies on write, so a difference in the report is one a person should look at.
///
/// Nulls and empties are equal (Twenty stores an empty composite subfield as `""`); emails compare lower-cased;
/// URLs by lower-cased origin, without a trailing slash, a missing scheme read as https; phone numbers and
/// calling codes by their digits; numbers (amount micros included) by value; date-times by instant.
enum SampleValue {
    enum Kind { case plain, email, url, phoneDigits, countryCode }

    /// The kind a field path is compared as (`emails.primaryEmail`, `domainName.primaryLinkUrl`, ...).
    static func kind(of path: String) -> Kind {
        let leaf = (path.split(separator: ".").last.map(String.init) ?? path).lowercased()
        let root = (path.split(separator: ".").first.map(String.init) ?? path).lowercased()
        if leaf.contains("email") || root.contains("email") { return .email }
        if leaf.contains("url") || leaf == "secondarylinks" { return .url }
        if leaf.contains("phonenumber") || leaf.contains("callingcode") || leaf == "additionalphones" {
            return .phoneDigits
        }
        if leaf.contains("countrycode") && root.contains("phone") { return .countryCode }
        return .plain
    }

    static func agrees(_ sent: JSONValue?, _ held: JSONValue?, path: String) -> Bool {
        normalised(sent ?? .null, kind(of: path)) == normalised(held ?? .null, kind(of: path))
    }

    static func isEmpty(_ value: JSONValue) -> Bool { normalised(value, .plain).isEmpty }

    /// One text per value, equal for values Twenty treats as the same.
    static func normalised(_ value: JSONValue, _ kind: Kind) -> String {
        switch value {
        case .null: return ""
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .number(let number):
            return number.rounded() == number && abs(number) < 9e15 ? String(Int64(number)) : String(number)
        case .string(let text): return normalised(text.trimmingCharacters(in: .whitespacesAndNewlines), kind)
        case .array(let items):
            return items.map { normalised($0, kind) }.filter { !$0.isEmpty }.joined(separator: "\u{1F}")
        case .object(let members):
            return members.keys.sorted().compactMap { key in
                let text = normalised(members[key]!, kind == .plain ? Self.kind(of: key) : kind)
                return text.isEmpty ? nil : "\(key)=\(text)"
            }.joined(separator: "\u{1E}")
        }
    }

    private static func normalised(_ text: String, _ kind: Kind) -> String {
        switch kind {
        case .email: return text.lowercased()
        case .url: return url(text)
        case .phoneDigits: return text.filter(\.isNumber)
        case .countryCode: return text.uppercased()
        case .plain: return instant(text) ?? text
        }
    }

    /// The origin lower-cased, no trailing slash, and `https://` where no scheme was given (Twenty keeps what it is
    /// sent apart from the origin's case; a scheme added or dropped on the way is not a difference a person cares
    /// about).
    static func url(_ text: String) -> String {
        guard !text.isEmpty else { return "" }
        var rest = text
        if rest.range(of: "://") == nil { rest = "https://" + rest }
        let afterScheme = rest.range(of: "://")!.upperBound
        let originEnd = rest[afterScheme...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var result = rest[..<originEnd].lowercased() + rest[originEnd...]
        while result.hasSuffix("/") { result.removeLast() }
        return result
    }

    /// An ISO 8601 date-time as milliseconds since 1970 (so `...Z` and `...+00:00`, with or without fractions,
    /// compare equal); nil for anything else, dates without a time included.
    static func instant(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19, bytes[4] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T") else { return nil }
        let withFractions = ISO8601DateFormatter()
        withFractions.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let plain = ISO8601DateFormatter()
        guard let date = withFractions.date(from: text) ?? plain.date(from: text) else { return nil }
        return "@" + String(Int64((date.timeIntervalSince1970 * 1000).rounded()))
    }
}
