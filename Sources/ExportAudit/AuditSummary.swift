import Reports

/// What the audit page opens with: the shared summary, the findings by severity and the charts, all computed
/// from the report's own figures so the first screen and the tables below cannot disagree.
extension AuditReport {
    /// Records the plan will write: every record of a migrated object less those excluded.
    public var readyRecords: Int { plan.steps.reduce(0) { $0 + $1.records - $1.excluded } }

    /// Findings of one severity, counted.
    public func findingCount(_ severity: Severity) -> Int {
        findings.filter { FindingGuidance.of($0.kind).severity == severity }.count
    }

    public var pageSummary: ReportSummary {
        var summary = ReportSummary()
        summary.ready.append(
            "\(readyRecords) records of \(plan.steps.count) objects are ready to migrate, in \(plan.requests) requests."
        )
        if !inventory.customFields.isEmpty || !inventory.picklists.isEmpty {
            summary.ready.append(
                "\(inventory.customFields.count) custom fields and \(inventory.picklists.count) pick-lists go to the map review."
            )
        }
        let decide = findingCount(.decision)
        if decide > 0 {
            summary.decisions.append(
                "\(ReportText.count(decide, "finding")) \(ReportText.verb(decide, "needs", "need")) a decision (\(kinds(of: .decision).joined(separator: ", ")))."
            )
        }
        if !inventory.workflows.isEmpty {
            summary.decisions.append(
                "\(ReportText.count(inventory.workflows.count, "workflow")) \(ReportText.verb(inventory.workflows.count, "is", "are")) rebuilt by hand: crm-migrate report workflows writes their reference."
            )
        }
        let blocking = findingCount(.blocking)
        if blocking > 0 {
            summary.lost.append(
                "\(ReportText.count(blocking, "finding")) \(ReportText.verb(blocking, "loses", "lose")) or \(ReportText.verb(blocking, "refuses", "refuse")) data unless fixed in the source (\(kinds(of: .blocking).joined(separator: ", ")))."
            )
        }
        for exclusion in exclusions {
            summary.lost.append("\(exclusion.sourceIds.count) \(exclusion.object) excluded by \(exclusion.rule).")
        }
        summary.estimate =
            "About \(Self.duration(plan.estimatedSeconds)) for \(plan.requests) requests at \(plan.rate) (Twenty's answer time not counted)."
        return summary
    }

    /// The kinds of one severity, most frequent first.
    private func kinds(of severity: Severity) -> [String] {
        summary.filter { FindingGuidance.of($0.kind).severity == severity }.map { "\($0.count) \($0.kind)" }
    }

    public var findingGroups: [FindingGroup] {
        summary.map { item in
            let guidance = FindingGuidance.of(item.kind)
            return FindingGroup(
                title: item.kind, severity: guidance.severity, count: item.count, meaning: item.description,
                whatToDo: guidance.whatToDo,
                examples: item.examples.map {
                    .init(
                        location: "\($0.file):\($0.line)",
                        text: [$0.sourceId, $0.field.map { "[\($0)]" }, $0.detail].compactMap { $0 }.joined(
                            separator: " "))
                })
        }
    }

    var charts: [BarChart] {
        var charts = [
            BarChart(
                title: "Records per file",
                bars: files.filter { $0.records > 0 }.map { BarChart.Bar(label: $0.object, value: $0.records) })
        ]
        if !summary.isEmpty {
            charts.append(
                BarChart(
                    title: "Findings per kind",
                    bars: summary.prefix(12).map { item in
                        let tone: BarChart.Tone =
                            switch FindingGuidance.of(item.kind).severity {
                            case .blocking: .bad
                            case .decision: .warning
                            case .notice: .neutral
                            }
                        return BarChart.Bar(label: item.kind, value: item.count, tone: tone)
                    }))
        }
        return charts
    }
}
