/// Which of a file's first records is its header. Spreadsheet reports put titles, dates and blank rows above the
/// table ("Report: Accounts", "Generated 2026-06-30") and sometimes a units row under the header ("(EUR)", "[kg]"),
/// so the header is found by what it holds: the first record about as wide as the table whose cells are mostly
/// filled, distinct, short, non-numeric labels.
enum HeaderRow {
    struct Choice: Equatable {
        /// The header's index among the records.
        let index: Int
        /// Whether the record right after the header is a units row (or an empty one), not data.
        let hasUnitsRow: Bool
    }

    /// `records`: the first records of the file, their cells as text; `width`: the table's usual cell count.
    static func locate(_ records: [[String]], width: Int) -> Choice {
        let wideEnough = max(2, (width + 1) / 2)
        let index =
            records.firstIndex { $0.count >= wideEnough && isLabelRow($0) }
            // Nothing looks like labels (a headerless file, years as column names): the first wide record.
            ?? records.firstIndex { $0.count >= wideEnough } ?? 0
        let hasUnitsRow = index + 1 < records.count && isUnitsRow(records[index + 1])
        return Choice(index: index, hasUnitsRow: hasUnitsRow)
    }

    /// Mostly filled (a title row padded with empty cells is not), mostly distinct, mostly short and non-numeric.
    static func isLabelRow(_ cells: [String]) -> Bool {
        let filled = cells.map(\.trimmingWhitespace).filter { !$0.isEmpty }
        guard filled.count >= 2, Double(filled.count) >= 0.6 * Double(cells.count) else { return false }
        // Short means a line, not a word: survey exports have whole questions as column names.
        let labels = filled.filter { $0.count <= 120 && !$0.contains("\n") && !isNumeric($0) }
        let distinct = Set(filled.map { $0.lowercased() })
        return Double(labels.count) >= 0.75 * Double(filled.count)
            && Double(distinct.count) >= 0.6 * Double(filled.count)
    }

    /// Every cell empty or a unit: "(EUR)", "[kg]", "in %", "%".
    static func isUnitsRow(_ cells: [String]) -> Bool {
        cells.allSatisfy { cell in
            let text = cell.trimmingWhitespace
            if text.isEmpty || ["%", "€", "$", "£", "¥"].contains(text) { return true }
            guard text.count <= 16 else { return false }
            if text.hasPrefix("(") && text.hasSuffix(")") || text.hasPrefix("[") && text.hasSuffix("]") { return true }
            return text.lowercased().hasPrefix("in ")
        }
    }

    /// A number, amount, percentage, date or time: digits with separators, signs and currency symbols.
    static func isNumeric(_ text: String) -> Bool {
        var digits = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9": digits += 1
            case ".", ",", ":", "/", "-", "+", " ", "%", "$", "€", "£", "¥", "'", "\u{A0}": continue
            default: return false
            }
        }
        return digits > 0
    }
}
