import Foundation

/// activities.csv: calls, emails and meetings, with their participants' emails. The planted file starts with
/// a banner line before the header, as some exports do.
enum Activities {
    static let path = "activities.csv"
    static let header = [
        "Activity ID", "Type", "Subject", "Body", "Occurred At", "Duration Minutes", "Direction", "Related Type",
        "Related ID", "Participants", "Owner Email",
    ]
    static let dateFormats: [String: DateFormat] = ["Occurred At": .iso8601]
    static let banner = "Allegory CRM export - Activities - generated 2026-06-30"

    static func write(_ crm: SyntheticCRM, to directory: URL, log: inout DefectLog) throws -> GenerationSummary.File {
        var writer = try CSVWriter(
            directory: directory, path: path, header: header, bannerLine: crm.plan.bannerLine ? banner : nil)
        if crm.plan.bannerLine {
            log.record(
                .bannerLine, file: path, line: 1, recordId: nil, field: nil,
                detail: "a line of text before the header: \"\(banner)\"")
        }
        for index in 0..<crm.shape.activities {
            var rng = SplitMix64(seed: crm.seed, stream: .activities, index: index)
            let id = RecordID(.activity, index: index)
            let related = crm.randomRelated(contacts: 70, companies: 15, deals: 15, &rng)
            writer.idCell(id)
            let kind = rng.below(10)
            switch kind {
            case 0..<4:
                writer.cell("Call")
                writer.cell(rng.pick(Texts.callSubjects))
                writer.cell(rng.pick(Texts.callBodies))
            case 4..<8:
                writer.cell("Email")
                writer.cell(rng.pick(Texts.emailSubjects))
                writer.cell(rng.pick(Texts.emailBodies))
            default:
                writer.cell("Meeting")
                writer.cell(rng.pick(Texts.meetingSubjects))
                writer.cell(rng.pick(Texts.meetingBodies))
            }
            writer.dateCell(Instant.daysBeforeExport(rng.within(1...700), &rng), .iso8601)
            switch kind {
            case 0..<4: writer.cell(rng.within(2...45))
            case 4..<8: writer.emptyCell()
            default: writer.cell(rng.pick([15, 30, 45, 60, 90]))
            }
            if kind < 8 { writer.cell(rng.chance(60) ? "Outbound" : "Inbound") } else { writer.emptyCell() }
            writer.cell(related.type.rawValue)
            writer.idCell(related.id)
            writer.cell(participants(related, crm, &rng))
            writer.cell(Users.randomOwner(&rng))
            if crm.plan.raggedActivities.contains(index) {
                log.record(
                    .raggedRow, file: path, line: writer.line, recordId: id, field: nil,
                    detail: "\(header.count + 1) cells where the header has \(header.count)")
                writer.cell("see attachment")
                try writer.endRow(allowingRaggedRow: true)
            } else {
                try writer.endRow()
            }
        }
        return try writer.close()
    }

    /// The contact an activity is about, or one or two contacts for a company or deal; sometimes a colleague.
    private static func participants(_ related: RelatedRecord, _ crm: SyntheticCRM, _ rng: inout SplitMix64) -> String {
        var emails: [String] = []
        if related.type == .contact { emails.append(crm.contact(related.id.number - 1).email) }
        let others = related.type == .contact ? (rng.chance(20) ? 1 : 0) : rng.within(1...2)
        for _ in 0..<others {
            let email = crm.contact(crm.referencableContact(&rng)).email
            if !emails.contains(email) { emails.append(email) }
        }
        return emails.joined(separator: ";")
    }
}
