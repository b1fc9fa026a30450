import AllegoryExport
import Foundation
import ValueRules

/// Amounts for CURRENCY fields as `amountMicros`: the amount times 1,000,000 as an integer, computed on the decimal
/// digits themselves, never through a floating-point number (`19.99` is 19990000 exactly).
///
/// Decisions, each for a reason:
/// - The decimal mark is the column's (`decimalSeparator` in the map, as the profile decided it from all the
///   column's values): `1,234.56` with a point, `1.234,56` with a comma. With none recorded, a point, as before.
/// - Accepted: a leading `-`, `+` or `−`, a trailing `-`, accounting brackets `(12.00)` (negative, as ledgers and
///   spreadsheets write losses), a currency symbol (`$ € £ ¥ ...`) or upper-case ISO code before or after, thousands
///   grouped in threes by the convention's group mark, a space (also no-break) or an apostrophe (`1'234.50`).
/// - More than 6 decimals are rounded half to even at the micro: a micro is a ten-thousandth of a cent, so the
///   rounding never changes a cent, and it restores what float-printing exports wrote (`0.30000000000000004`).
/// - Refused: exponents (`1e3`, what a spreadsheet writes once it has lost digits), separators that are not
///   thousands groups (`1,23` with a decimal point: a decimal comma the column did not declare), several signs or
///   marks, percentages, anything else.
/// - Range: Twenty's server and client are JavaScript, where a JSON number is a double, so the micros must be an
///   integer a double holds exactly: any up to 2^53 (about 9 billion units), and beyond that those whose low bits
///   are zero, which amounts in cents are up to about 144 billion units. An amount that would be changed is
///   refused as amount-out-of-range, never rounded; so is one beyond `Int64`.
public enum Money {
    /// Every integer up to this is exact in a double.
    public static let exactMicros: Int64 = 9_007_199_254_740_992

    public static func micros(_ raw: String, convention: DecimalConvention? = nil) -> Result<Int64, ValueRejection> {
        func invalid(_ why: String) -> Result<Int64, ValueRejection> {
            .failure(ValueRejection(.invalidAmount, "\(Text.quoted(raw)) is not an amount: \(why)"))
        }
        return Text.trimmed(raw).withUTF8Bytes { b in
            let form: NumberForm
            switch NumberSyntax.read(b, convention ?? .point) {
            case .success(let read): form = read
            case .failure(let error): return invalid(error.words)
            }
            guard !form.percent else { return invalid("a percentage is not an amount") }
            let outOfRange = ValueRejection(
                .amountOutOfRange,
                "\(Text.quoted(raw)) is too large for Twenty to keep exactly (a JSON number holds every amount up to \(exactMicros / 1_000_000) units)"
            )
            // Whole digits and six fraction digits make the micros; the seventh and beyond only round.
            var micros: Int64 = 0
            var taken = 0
            var roundingDigit: UInt8 = 0
            var beyondHalf = false
            func push(_ digit: Int64) -> Bool {
                let (times, o1) = micros.multipliedReportingOverflow(by: 10)
                let (plus, o2) = times.addingReportingOverflow(digit)
                micros = plus
                return !o1 && !o2
            }
            for index in form.body where b[index] >= 0x30 && b[index] <= 0x39 {
                let digit = b[index] - 0x30
                if let mark = form.decimalMark, index > mark {
                    taken += 1
                    if taken == 7 { roundingDigit = digit } else if taken > 7, digit != 0 { beyondHalf = true }
                    if taken > 6 { continue }
                }
                guard push(Int64(digit)) else { return .failure(outOfRange) }
            }
            for _ in min(taken, 6)..<6 {
                guard push(0) else { return .failure(outOfRange) }
            }
            if taken > 6, roundingDigit > 5 || (roundingDigit == 5 && (beyondHalf || micros % 2 == 1)) {
                guard micros < Int64.max else { return .failure(outOfRange) }
                micros += 1
            }
            guard micros <= Self.exactMicros || Int64(exactly: Double(micros)) == micros else {
                return .failure(outOfRange)
            }
            return .success(form.negative ? -micros : micros)
        }
    }
}
