import Foundation

/// notes.csv: plain-text and HTML notes. Bodies hold commas, quotes and line breaks; one planted note holds
/// a NUL byte, and the file ends in a quote that never closes.
enum Notes {
    static let path = "notes.csv"
    static let header = [
        "Note ID", "Title", "Body", "Body Format", "Related Type", "Related ID", "Author Email", "Created", "Modified",
    ]
    static let dateFormats: [String: DateFormat] = ["Created": .iso8601, "Modified": .iso8601]

    static func write(_ crm: SyntheticCRM, to directory: URL, log: inout DefectLog) throws -> GenerationSummary.File {
        var writer = try CSVWriter(directory: directory, path: path, header: header)
        for index in 0..<crm.shape.notes {
            var rng = SplitMix64(seed: crm.seed, stream: .notes, index: index)
            let id = RecordID(.note, index: index)
            if crm.plan.unterminatedQuote && index == crm.shape.notes - 1 {
                log.record(
                    .unterminatedQuote, file: path, line: writer.line, recordId: id, field: "Body",
                    detail: "the quoted Body opens and the file ends before it closes")
                writer.idCell(id)
                writer.cell(rng.pick(Texts.noteTitles))
                try writer.unterminatedCell(Texts.truncatedBody)
                break
            }
            var related = crm.randomRelated(contacts: 55, companies: 20, deals: 20, &rng)
            var body: String
            var format = "text"
            if rng.chance(60) {
                body = rng.pick(Texts.textNoteBodies)
            } else {
                body = rng.pick(Texts.htmlNoteBodies)
                format = "html"
            }
            switch crm.plan.noteFlaws[index] {
            case .orphanRelated(let missing):
                related = missing
                log.record(
                    .orphanRelated, file: path, line: writer.line, recordId: id, field: "Related ID",
                    detail: "\(missing.type.rawValue) \(missing.id.text) does not exist")
            case .nulByte:
                // A NUL as left behind by a legacy system's fixed-width text field.
                body = "Imported from legacy system\u{0}\u{0} see previous notes"
                format = "text"
                log.record(
                    .nulByte, file: path, line: writer.line, recordId: id, field: "Body",
                    detail: "the Body holds NUL bytes")
            case nil:
                break
            }
            writer.idCell(id)
            writer.cell(rng.pick(Texts.noteTitles))
            writer.cell(body)
            writer.cell(format)
            writer.cell(related.type.rawValue)
            writer.idCell(related.id)
            writer.cell(Users.randomOwner(&rng))
            // Modified falls on a later day than Created, so it can never precede it.
            let createdDaysAgo = rng.within(2...700)
            writer.dateCell(Instant.daysBeforeExport(createdDaysAgo, &rng), .iso8601)
            writer.dateCell(Instant.daysBeforeExport(rng.within(1...createdDaysAgo - 1), &rng), .iso8601)
            try writer.endRow()
        }
        return try writer.close()
    }
}
