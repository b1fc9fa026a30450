import AllegoryExport
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
        return .failure(
            ValueRejection(
                .invalidBoolean, "\(Text.quoted(raw)) is not a yes/no value (true, false, yes, no, y, n, 1, 0)"))
    }

    /// A NUMBER: an integer when it has no fraction (written as a JSON integer, exactly), else a double. Read with
    /// the column's decimal mark (`1.234,5` with a comma; a point when the map records none), thousands grouped as
    /// for amounts; a currency or a `%` around it is dropped, and a percentage keeps the number written (`12%` is 12,
    /// as a person reading the column sees it). Exponents are accepted with a decimal point, since a NUMBER is a
    /// float in Twenty anyway.
    public static func number(_ raw: String, convention: DecimalConvention? = nil) -> Result<JSONNumber, ValueRejection>
    {
        let text = Text.trimmed(raw)
        let invalid = ValueRejection(.invalidNumber, "\(Text.quoted(raw)) is not a number")
        return text.withUTF8Bytes { b in
            switch NumberSyntax.read(b, convention ?? .point) {
            case .success(let form):
                if form.decimalMark == nil, form.wholeDigits <= 18 {
                    var value: Int64 = 0
                    for index in form.body where b[index] >= 0x30 && b[index] <= 0x39 {
                        value = value * 10 + Int64(b[index] - 0x30)
                    }
                    return .success(.integer(form.negative ? -value : value))
                }
                // The digits with a point, for Double's correctly rounded reading.
                var plain = form.negative ? "-" : ""
                for index in form.body {
                    if b[index] >= 0x30 && b[index] <= 0x39 { plain.unicodeScalars.append(Unicode.Scalar(b[index])) }
                    if index == form.decimalMark { plain.append(".") }
                }
                return double(plain).map { .success($0) } ?? .failure(invalid)
            case .failure(.exponent) where convention != .comma:
                guard b.allSatisfy({ Text.isDigit($0) || "+-.eE".utf8.contains($0) }) else { return .failure(invalid) }
                return double(text).map { .success($0) } ?? .failure(invalid)
            case .failure:
                return .failure(invalid)
            }
        }
    }

    private static func double(_ plain: String) -> JSONNumber? {
        guard let double = Double(plain), double.isFinite else { return nil }
        if double == double.rounded(), abs(double) < 9.0e15 { return .integer(Int64(double)) }
        return .double(double)
    }

    public enum JSONNumber: Sendable, Equatable {
        case integer(Int64)
        case double(Double)
    }
}
