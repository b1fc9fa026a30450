import AllegoryExport

/// What the column profile decided about a date or number column, carried into its mapping: the decimal mark of
/// an amount or number (`1.234,56`), and, when the values leave the format open (every date could be day-first or
/// month-first, a number read as a date from its range alone), a confidence below 0.6 with the profile's reason,
/// so the review lists the column among the first to settle.
enum ColumnDecisions {
    static func apply(_ column: ColumnEvidence, to mapping: inout FieldMapping) {
        if mapping.transform == .number || mapping.transform == .currencyAmount, let number = column.number {
            if let convention = number.convention { mapping.decimalSeparator = convention.decimalSeparator }
            if number.isAmbiguous {
                mapping.confidence = min(mapping.confidence, ColumnScorer.guessCeiling)
                mapping.reasons.append(number.reason + ": set decimalSeparator to settle it")
            }
        }
        if mapping.transform == .date || mapping.transform == .dateTime, let timestamp = column.timestamp {
            if timestamp.isAmbiguous || timestamp.restsOnValuesAlone {
                mapping.confidence = min(mapping.confidence, ColumnScorer.guessCeiling)
                mapping.reasons.append(timestamp.reason + ": set format to settle it")
            }
        }
    }
}
