import Foundation

/// BOOLEAN and NUMBER values.
public enum Scalars {
    static let trueWords: Set<String> = ["true", "yes", "y", "1", "t"]
    static let falseWords: Set<String> = ["false", "no", "n", "0", "f"]

    /// `true/false/yes/no/y/n/t/f/1/0`, in any case.
    public static func boolean(_ raw: String) -> Result<Bool, ValueRejection> {
        let word = Text.asciiLowercased(Text.trimmed(raw))
        if trueWords.contains(word) { return .success(true) }
        if falseWords.contains(word) { return .success(false) }
        return .failure(ValueRejection(.invalidBoolean, "\(Text.quoted(raw)) is not a yes/no value (true, false, yes, no, y, n, 1, 0)"))
    }

    /// A NUMBER: an integer when it has no fraction (written as a JSON integer, exactly), else a double. Thousands
    /// commas are accepted as for amounts; exponents are accepted here, since a NUMBER is a float in Twenty anyway.
    public static func number(_ raw: String) -> Result<JSONNumber, ValueRejection> {
        let text = Text.trimmed(raw)
        let invalid = ValueRejection(.invalidNumber, "\(Text.quoted(raw)) is not a number")
        let plain = text.contains(",") ? commaFree(text) : text
        guard let plain, !plain.isEmpty else { return .failure(invalid) }
        if let integer = Int64(plain) { return .success(.integer(integer)) }
        guard plain.utf8.allSatisfy({ Text.isDigit($0) || "+-.eE".utf8.contains($0) }), let double = Double(plain), double.isFinite
        else { return .failure(invalid) }
        if double == double.rounded(), abs(double) < 9.0e15 { return .success(.integer(Int64(double))) }
        return .success(.double(double))
    }

    public enum JSONNumber: Sendable, Equatable {
        case integer(Int64)
        case double(Double)
    }

    /// `1,234,567.5` without its thousands commas; nil when a comma is not a thousands separator.
    private static func commaFree(_ text: String) -> String? {
        let beforePoint = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let groups = beforePoint.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count > 1, groups.dropFirst().allSatisfy({ $0.count == 3 }),
            let first = groups.first, !first.isEmpty, first.filter(\.isNumber).count <= 3
        else { return nil }
        return text.replacingOccurrences(of: ",", with: "")
    }
}
