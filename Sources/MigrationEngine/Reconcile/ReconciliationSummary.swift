import Reports

/// What the reconciliation page opens with: what Twenty holds as written, what needs a person (drift, records
/// nobody wrote through this project, the checklist), and what was lost or refused on the way, from the result's
/// own figures.
extension ReconciliationReport {
    private func total(_ figure: (ObjectReconciliation) -> Int) -> Int { result.objects.reduce(0) { $0 + figure($1) } }

    public var pageSummary: ReportSummary {
        let r = result
        var summary = ReportSummary()
        summary.ready.append(
            "\(total(\.present)) of \(total(\.written)) records written are in Twenty (task and note links counted).")
        summary.ready.append(
            "\(r.compared - r.defects.count - r.drift.count) of \(r.compared) fields hold what was written; relations \(r.relations.holding) of \(r.relations.checked), owners \(r.owners.holding) of \(r.owners.checked), files \(r.files.holding) of \(r.files.checked)."
        )
        if r.reconciles { summary.ready.append("Everything reconciles.") }
        if !r.drift.isEmpty {
            summary.decisions.append(
                "\(ReportText.count(r.drift.count, "field")) \(ReportText.verb(r.drift.count, "was", "were")) changed in Twenty after the migration (drift): check they were meant."
            )
        }
        if !r.unexpected.isEmpty {
            summary.decisions.append(
                "\(ReportText.count(r.unexpected.count, "record")) \(ReportText.verb(r.unexpected.count, "carries", "carry")) the source id but the ledger never wrote them: keep or delete each."
            )
        }
        if !checklist.items.isEmpty {
            summary.decisions.append(
                "\(checklist.items.count) checks by hand after the migration (the checklist at the end).")
        }
        if !r.missing.isEmpty {
            summary.lost.append(
                "\(ReportText.count(r.missing.count, "record")) written \(ReportText.verb(r.missing.count, "is", "are")) no longer in Twenty."
            )
        }
        if !r.defects.isEmpty {
            summary.lost.append("\(ReportText.count(r.defects.count, "field")) Twenty did not keep as written.")
        }
        if r.pending > 0 {
            summary.lost.append(
                "\(ReportText.count(r.pending, "record")) \(ReportText.verb(r.pending, "is", "are")) still pending: the run did not finish."
            )
        }
        if total(\.rejected) > 0 {
            summary.lost.append(
                "\(ReportText.count(total(\.rejected), "source record")) \(ReportText.verb(total(\.rejected), "was", "were")) rejected by the transform (reasons in the ledger)."
            )
        }
        if total(\.excluded) > 0 {
            summary.lost.append(
                "\(ReportText.count(total(\.excluded), "source record")) \(ReportText.verb(total(\.excluded), "was", "were")) excluded on purpose."
            )
        }
        return summary
    }

    /// The records the page shows as examples, to look their file and line up.
    public var exampleRecords: [(object: String, sourceId: String)] {
        (result.defects.prefix(5) + result.drift.prefix(5)).map { ($0.row.object, $0.row.sourceId) }
            + result.missing.prefix(5).map { ($0.sourceObject, $0.sourceId) }
    }

    private func location(_ object: String, _ sourceId: String) -> String {
        locations[SourceLocation.key(object, sourceId)].map { "\($0) \(sourceId)" } ?? "\(object) \(sourceId)"
    }

    public var findingGroups: [FindingGroup] {
        let r = result
        var groups: [FindingGroup] = []
        func difference(_ d: FieldDifference) -> FindingGroup.Example {
            .init(
                location: location(d.row.object, d.row.sourceId),
                text: "\(d.row.field): written \"\(d.row.sent)\", held \"\(d.row.held)\"")
        }
        if !r.defects.isEmpty {
            groups.append(
                FindingGroup(
                    title: "defect", severity: .blocking, count: r.defects.count,
                    meaning: "Twenty holds a value other than the one written, and nobody changed the record since.",
                    whatToDo: "Check the map's transform for the field; write the record again once it is fixed.",
                    examples: r.defects.prefix(5).map(difference)))
        }
        if !r.missing.isEmpty {
            groups.append(
                FindingGroup(
                    title: "missing", severity: .blocking, count: r.missing.count,
                    meaning: "Records the ledger says were written that Twenty does not list.",
                    whatToDo:
                        "Find out who deleted them (Twenty's timeline); restore them, or run the migration of that object again.",
                    examples: r.missing.prefix(5).map {
                        .init(location: location($0.sourceObject, $0.sourceId), text: "\($0.object) \($0.twentyId)")
                    }))
        }
        if r.pending > 0 {
            groups.append(
                FindingGroup(
                    title: "pending", severity: .blocking, count: r.pending,
                    meaning: "Records transformed and not written yet.",
                    whatToDo: "Run crm-migrate run again: it resumes where it stopped.",
                    examples: r.objects.filter { $0.pending > 0 }.map {
                        .init(location: $0.sourceObject, text: "\($0.pending) pending")
                    }))
        }
        if !r.unexpected.isEmpty {
            groups.append(
                FindingGroup(
                    title: "unexpected", severity: .decision, count: r.unexpected.count,
                    meaning: "Records carrying the source-id field that this project's ledger never wrote.",
                    whatToDo: "Find where they came from (another import, a copy) and delete the duplicates in Twenty.",
                    examples: r.unexpected.prefix(5).map {
                        .init(location: "\($0.object) \($0.twentyId)", text: "source id \($0.sourceId)")
                    }))
        }
        if !r.drift.isEmpty {
            groups.append(
                FindingGroup(
                    title: "drift", severity: .notice, count: r.drift.count,
                    meaning: "Fields changed in Twenty after the migration wrote them: people at work, not an error.",
                    whatToDo: "Nothing, unless the change is a surprise; a rollback keeps such records.",
                    examples: r.drift.prefix(5).map(difference)))
        }
        return groups
    }

    var charts: [BarChart] {
        [
            BarChart(
                title: "Where the source records went",
                bars: [
                    .init(label: "written, in Twenty", value: total(\.present), tone: .good),
                    .init(label: "written, missing now", value: total(\.missing), tone: .bad),
                    .init(label: "rejected", value: total(\.rejected), tone: .bad),
                    .init(label: "excluded", value: total(\.excluded)),
                    .init(label: "pending", value: total(\.pending), tone: .warning),
                ]),
            BarChart(
                title: "Records in Twenty per object",
                bars: result.objects.map {
                    .init(label: "\($0.sourceObject) → \($0.object)", value: $0.present, tone: .good)
                }),
        ]
    }
}
