import Foundation
import ValueRules

/// Amounts for CURRENCY fields as `amountMicros`: the amount times 1,000,000 as an integer, computed on the decimal
/// digits themselves, never through a floating-point number (`19.99` is 19990000 exactly).
///
/// Decisions, each for a reason:
/// - Accepted: a leading `-` or `+`, accounting brackets `(12.00)` (negative, as ledgers and spreadsheets write
///   losses), a currency symbol (ValueRules' CurrencyRule: `$ € £ ¥ US$ R$`...) or ISO code before or after,
///   thousands commas in groups of three.
/// - More than 6 decimals are rounded half to even at the micro: a micro is a ten-thousandth of a cent, so the
///   rounding never changes a cent, and it restores what float-printing exports wrote (`0.30000000000000004`).
/// - Refused: exponents (`1e3`, what a spreadsheet writes once it has lost digits), commas that are not thousands
///   groups (`1,23` is a European decimal comma and ambiguous), several signs or points, anything else.
/// - Range: Twenty's server and client are JavaScript, where a JSON number is a double, so the micros must be an
///   integer a double holds exactly: any up to 2^53 (about 9 billion units), and beyond that those whose low bits
///   are zero, which amounts in cents are up to about 144 billion units. An amount that would be changed is
///   refused as amount-out-of-range, never rounded; so is one beyond `Int64`.
public enum Money {
    /// Every integer up to this is exact in a double.
    public static let exactMicros: Int64 = 9_007_199_254_740_992

    public static func micros(_ raw: String) -> Result<Int64, ValueRejection> {
        func invalid(_ why: String) -> Result<Int64, ValueRejection> {
            .failure(ValueRejection(.invalidAmount, "\(Text.quoted(raw)) is not an amount: \(why)"))
        }
        var text = Text.trimmed(raw)
        var negative = false
        if text.hasPrefix("("), text.hasSuffix(")") {
            negative = true
            text = Text.trimmed(String(text.dropFirst().dropLast()))
        }
        text = stripCurrency(text)
        if text.hasPrefix("-") || text.hasPrefix("+") {
            if text.hasPrefix("-") { if negative { return invalid("two negative signs") } else { negative = true } }
            text = Text.trimmed(String(text.dropFirst()))
        }
        text = stripCurrency(text)
        guard !text.isEmpty else { return invalid("no digits") }
        if text.contains("e") || text.contains("E") { return invalid("exponents are not accepted; write the digits") }

        var whole: [UInt8] = []
        var fraction: [UInt8] = []
        var sawPoint = false
        var groupLength = -1  // digits since the last comma; -1 before any comma
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if sawPoint {
                    fraction.append(byte)
                } else {
                    whole.append(byte)
                    if groupLength >= 0 { groupLength += 1 }
                }
            case UInt8(ascii: ","):
                guard !sawPoint, !whole.isEmpty, groupLength == -1 || groupLength == 3 else {
                    return invalid("a comma that does not separate thousands")
                }
                groupLength = 0
            case UInt8(ascii: "."):
                guard !sawPoint else { return invalid("two decimal points") }
                guard groupLength == -1 || groupLength == 3 else {
                    return invalid("a comma that does not separate thousands")
                }
                sawPoint = true
            default:
                return invalid("unexpected character \(Text.quoted(String(decoding: [byte], as: UTF8.self)))")
            }
        }
        guard groupLength == -1 || groupLength == 3 || sawPoint else {
            return invalid("a comma that does not separate thousands")
        }
        guard !whole.isEmpty || !fraction.isEmpty else { return invalid("no digits") }

        // Six fraction digits make the micros; the seventh and beyond only round.
        var micros: Int64 = 0
        let outOfRange = ValueRejection(
            .amountOutOfRange,
            "\(Text.quoted(raw)) is too large for Twenty to keep exactly (a JSON number holds every amount up to \(exactMicros / 1_000_000) units)"
        )
        for byte in whole.drop(while: { $0 == UInt8(ascii: "0") }) + fraction.prefix(6)
            + Array(repeating: UInt8(ascii: "0"), count: max(0, 6 - fraction.count))
        {
            let (times, o1) = micros.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !o1, !o2 else { return .failure(outOfRange) }
            micros = plus
        }
        if fraction.count > 6 {
            let rest = fraction[6...]
            let first = rest.first!
            let beyondHalf = rest.dropFirst().contains { $0 != UInt8(ascii: "0") }
            let roundUp = first > UInt8(ascii: "5") || (first == UInt8(ascii: "5") && (beyondHalf || micros % 2 == 1))
            if roundUp {
                guard micros < Int64.max else { return .failure(outOfRange) }
                micros += 1
            }
        }
        guard micros <= Self.exactMicros || Int64(exactly: Double(micros)) == micros else {
            return .failure(outOfRange)
        }
        return .success(negative ? -micros : micros)
    }

    /// The text without a currency symbol or a three-letter code before or after the number.
    private static func stripCurrency(_ text: String) -> String {
        // Most amounts begin and end with a digit: no symbol or code to look for.
        if let first = text.utf8.first, let last = text.utf8.last, Text.isDigit(first), Text.isDigit(last) {
            return text
        }
        var text = text
        if let (rest, _) = CurrencyRule.splitSymbol(text) { text = String(rest) }
        text = Text.trimmed(text)
        let words = text.split(separator: " ")
        if words.count == 2 {
            let isCode: (Substring) -> Bool = { $0.count == 3 && $0.allSatisfy { $0.isASCII && $0.isLetter } }
            if isCode(words[0]) { text = String(words[1]) } else if isCode(words[1]) { text = String(words[0]) }
        }
        return text
    }
}
