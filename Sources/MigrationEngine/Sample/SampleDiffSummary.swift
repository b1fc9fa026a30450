import Reports

/// What the sample diff page opens with: how much of the sample agrees, which disagreements need a decision before
/// approving, what Twenty did not keep; disagreements grouped by field, links and files before values (a lost link
/// cannot be seen in the values).
extension SampleDiffReport {
    /// Rows where a value was sent and Twenty holds nothing.
    public var notKept: [SampleDiffRow] { rows.filter { !$0.agrees && !$0.sent.isEmpty && $0.held.isEmpty } }

    public var pageSummary: ReportSummary {
        let disagreeing = rows.filter { !$0.agrees }
        let records = Set(rows.map { $0.object + "\u{1F}" + $0.sourceId }).count
        var summary = ReportSummary()
        summary.ready.append(
            "\(rows.count - disagreeing.count) of \(rows.count) fields of \(records) sampled records agree after Twenty's normalisation."
        )
        let fields = self.summary.filter { $0.disagreements > 0 }
        if !fields.isEmpty {
            summary.decisions.append(
                "\(ReportText.count(disagreeing.count, "value")) \(ReportText.verb(disagreeing.count, "disagrees", "disagree")) in \(ReportText.count(fields.count, "field")): read them, fix the map or accept, then crm-migrate sample --approve --by NAME."
            )
        } else if !rows.isEmpty {
            summary.decisions.append(
                "Approve the sample with crm-migrate sample --approve --by NAME if the values read right.")
        }
        if !notKept.isEmpty {
            summary.lost.append(
                "\(ReportText.count(notKept.count, "value")) \(ReportText.verb(notKept.count, "was", "were")) sent and Twenty holds nothing for \(ReportText.verb(notKept.count, "it", "them"))."
            )
        }
        return summary
    }

    /// Links, owners and files are lost records' context: fix before the run. Values are a matter of judgement.
    static func severity(_ check: SampleDiffRow.Check) -> Severity {
        switch check {
        case .relation, .selfLink, .target, .attachment, .owner: .blocking
        case .value, .option: .decision
        }
    }

    static func whatToDo(_ check: SampleDiffRow.Check) -> String {
        switch check {
        case .value:
            "Compare the source with what Twenty holds: fix the column's transform in map.yaml, or accept Twenty's normalisation."
        case .option: "Add the value to the field's value map (values: in map.yaml) or to the select field's options."
        case .owner: "Map the source owner to a workspace member (owners: in map.yaml)."
        case .relation, .selfLink: "Check the reference column in map.yaml and that the parent record was migrated."
        case .target: "Check the related-type and related-id columns in map.yaml: the task or note lost its link."
        case .attachment: "Re-export the attachment or check the upload: the stored file is not the exported one."
        }
    }

    /// The records the page shows as examples, to look their file and line up.
    public var exampleRecords: [(object: String, sourceId: String)] {
        Dictionary(grouping: rows.filter { !$0.agrees }) { "\($0.object).\($0.field)" }.values.flatMap {
            $0.prefix(5).map { ($0.object, $0.sourceId) }
        }
    }

    public var findingGroups: [FindingGroup] {
        let disagreeing = rows.filter { !$0.agrees }
        let byField = Dictionary(grouping: disagreeing) { "\($0.object).\($0.field)" }
        return byField.keys.sorted().map { key in
            let items = byField[key]!
            let check = items[0].check
            return FindingGroup(
                title: "\(key) (\(check.rawValue))", severity: Self.severity(check), count: items.count,
                meaning: items[0].column.isEmpty ? "" : "From the source column \(items[0].column).",
                whatToDo: Self.whatToDo(check),
                examples: items.prefix(5).map { row in
                    .init(
                        location: locations[SourceLocation.key(row.object, row.sourceId)]
                            .map { "\($0) \(row.sourceId)" } ?? "\(row.object) \(row.sourceId)",
                        text: "source \"\(row.source)\", sent \"\(row.sent)\", held \"\(row.held)\""
                            + (row.note.isEmpty ? "" : " (\(row.note))"))
                })
        }
    }

    var charts: [BarChart] {
        let objects = Array(Set(rows.map(\.object))).sorted()
        guard !objects.isEmpty else { return [] }
        var bars: [BarChart.Bar] = []
        for object in objects {
            let of = rows.filter { $0.object == object }
            let disagree = of.filter { !$0.agrees }.count
            bars.append(.init(label: "\(object): agree", value: of.count - disagree, tone: .good))
            if disagree > 0 { bars.append(.init(label: "\(object): disagree", value: disagree, tone: .bad)) }
        }
        return [BarChart(title: "Fields compared per object", bars: bars)]
    }
}
