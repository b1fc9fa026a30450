import Foundation

/// tasks.csv: to-dos assigned to users, each related to a contact, company or deal.
enum Tasks {
    static let path = "tasks.csv"
    static let header = [
        "Task ID", "Subject", "Description", "Due Date", "Status", "Priority", "Assignee Email", "Related Type",
        "Related ID", "Created", "Completed At",
    ]
    static let dateFormats: [String: DateFormat] = [
        "Due Date": .usDateTime, "Created": .usDateTime, "Completed At": .usDateTime,
    ]
    /// The planted short row stops after Related ID, as a row cut off by a broken export would.
    static let cellsInShortRow = 9

    static func write(_ crm: SyntheticCRM, to directory: URL, log: inout DefectLog) throws -> GenerationSummary.File {
        var writer = try CSVWriter(directory: directory, path: path, header: header)
        for index in 0..<crm.shape.tasks {
            var rng = SplitMix64(seed: crm.seed, stream: .tasks, index: index)
            let id = RecordID(.task, index: index)
            let flaw = crm.plan.taskFlaws[index]
            var related = crm.randomRelated(contacts: 55, companies: 20, deals: 25, &rng)
            switch flaw {
            case .orphanRelated(let missing):
                related = missing
                log.record(
                    .orphanRelated, file: path, line: writer.line, recordId: id, field: "Related ID",
                    detail: "\(missing.type.rawValue) \(missing.id.text) does not exist")
            case .tooFewCells:
                log.record(
                    .raggedRow, file: path, line: writer.line, recordId: id, field: nil,
                    detail: "\(cellsInShortRow) cells where the header has \(header.count)")
            case nil:
                break
            }

            // Days relative to the export: negative is the past.
            let dueDay = rng.within(-300...60)
            let isCompleted = dueDay < 0 && rng.chance(75)
            let createdDay = min(dueDay, 0) - rng.within(1...30)
            writer.idCell(id)
            writer.cell(rng.pick(Texts.taskSubjects))
            writer.optionalCell(rng.chance(50) ? rng.pick(Texts.taskDescriptions) : nil)
            writer.dateCell(Instant.workingTime(day: dueDay, &rng), .usDateTime)
            writer.cell(isCompleted ? "Completed" : rng.pick(Vocabulary.taskStatuses))
            writer.cell(rng.pick(Vocabulary.priorities))
            writer.cell(Users.randomOwner(&rng))
            writer.cell(related.type.rawValue)
            writer.idCell(related.id)
            if case .tooFewCells = flaw {
                try writer.endRow(allowingRaggedRow: true)
                continue
            }
            writer.dateCell(Instant.workingTime(day: createdDay, &rng), .usDateTime)
            if isCompleted {
                let completedDay = max(createdDay + 1, min(-1, dueDay + rng.within(-5...3)))
                writer.dateCell(Instant.workingTime(day: completedDay, &rng), .usDateTime)
            } else {
                writer.emptyCell()
            }
            try writer.endRow()
        }
        return try writer.close()
    }
}
