/// Which mark separates a number's fraction, and so which marks may group its thousands. Recorded in the field map
/// as `decimalSeparator: "."` or `","`.
public enum DecimalConvention: String, Sendable, Equatable, CaseIterable {
    /// `1,234.56`, `1 234.56`, `1'234.56` (Swiss): a point before the fraction.
    case point = "."
    /// `1.234,56`, `1 234,56`: a comma before the fraction.
    case comma = ","

    /// The mark before the fraction, as the field map writes it.
    public var decimalSeparator: String { rawValue }

    /// `1,234.56` or `1.234,56`, for reasons a person reads.
    public var example: String { self == .point ? "1,234.56" : "1.234,56" }

    /// The convention a field map's `decimalSeparator` names.
    public init?(decimalSeparator: String) { self.init(rawValue: decimalSeparator) }

    var mark: UInt8 { self == .point ? UInt8(ascii: ".") : UInt8(ascii: ",") }
    /// The ASCII mark that groups thousands in this convention (spaces and apostrophes group in both).
    var groupMark: UInt8 { self == .point ? UInt8(ascii: ",") : UInt8(ascii: ".") }
}
