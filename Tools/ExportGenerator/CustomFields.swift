import Foundation

/// custom_fields.csv: the dictionary of the custom columns of the standard objects. Parent Company ID is a
/// standard column of companies and so is not listed here.
enum CustomFields {
    static let path = "custom_fields.csv"
    static let header = ["Object", "Field", "Label", "Type", "Picklist Values"]

    static let rows: [[String]] = [
        ["contacts", "Lead Source", "Lead Source", "picklist", Vocabulary.leadSources.joined(separator: ";")],
        ["contacts", "Newsletter", "Newsletter Subscriber", "boolean", ""],
        ["companies", "Tier", "Tier", "picklist", Vocabulary.tiers.joined(separator: ";")],
        ["companies", "Year Founded", "Year Founded", "number", ""],
        ["deals", "Deal Type", "Deal Type", "picklist", Vocabulary.dealTypes.joined(separator: ";")],
    ]

    static func write(to directory: URL) throws -> GenerationSummary.File {
        var writer = try CSVWriter(directory: directory, path: path, header: header)
        for row in rows {
            for value in row { writer.cell(value) }
            try writer.endRow()
        }
        return try writer.close()
    }
}
