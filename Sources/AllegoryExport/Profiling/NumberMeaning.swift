/// What a number in a column stands for, as its header says it (and, for money and percentages, its values).
public enum NumberMeaning: String, Sendable, Equatable, CaseIterable {
    /// A measure with no more specific meaning: a score, a duration, a weight.
    case quantity
    /// Whole things counted: employees, seats, units.
    case count
    /// An amount of money: a currency symbol or code on the values, or a header naming an amount or revenue.
    case money
    /// A percentage: `%` on the values, or a header naming a percentage or a probability.
    case percent
    /// A calendar year (`1998`) under a header naming a year or a founding.
    case year
    /// A number that identifies rather than measures: an id, an account or postal number, digits with leading zeros.
    case identifier
}
