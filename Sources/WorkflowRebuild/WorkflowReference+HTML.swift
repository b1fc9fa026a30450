import Reports

/// The reference as a page: the shared summary, a chart of the Twenty types the rebuild uses, the findings by
/// severity, then one section per workflow (inactive ones marked).
extension WorkflowReference {
    public func html(projectName: String) -> String {
        let c = counts
        let page = ReportPage(
            title: "Workflow rebuild reference",
            subtitle:
                "Project \(projectName) · \(c.workflows) workflows from \(files.isEmpty ? "no workflows file" : files.joined(separator: ", ")) · field map: \(mapState.rawValue)",
            summary: summary,
            charts: typeUsage.isEmpty
                ? []
                : [
                    BarChart(
                        title: "Twenty trigger and step types the rebuild uses",
                        bars: typeUsage.map { BarChart.Bar(label: $0.type, value: $0.count) }),
                    BarChart(
                        title: "Workflows",
                        bars: [
                            .init(label: "rebuild step for step", value: c.direct, tone: .good),
                            .init(label: "need a workaround", value: c.withGaps, tone: .warning),
                            .init(
                                label: "with parts not recognised",
                                value: entries.filter { !$0.plan.unrecognised.isEmpty }.count, tone: .bad),
                            .init(label: "inactive", value: c.inactive),
                        ]),
                ],
            findings: findings)
        var body = "<h2>Workflows</h2>\n"
        if entries.isEmpty {
            body += "<p>The export holds no workflow definitions the tool recognised as such.</p>\n"
        }
        for entry in entries { body += section(entry) }
        return page.html(body: body)
    }

    private func section(_ entry: Entry) -> String {
        let w = entry.workflow
        let plan = entry.plan
        func e(_ text: String) -> String { ReportText.html(text) }
        var out = "<section class=\"workflow\"><h3>\(e(w.name))"
        if w.active == false { out += " <span class=\"badge inactive\">inactive</span>" }
        if w.active == nil { out += " <span class=\"badge\">active? not stated</span>" }
        out += "</h3>\n<p class=\"muted\"><code>\(e(w.file)):\(w.line)</code> · id \(e(w.sourceId))</p>\n"
        out += "<p><b>When</b> \(e(PlainWords.when(w)))</p>\n"
        out += "<p><b>If</b> "
        out +=
            w.conditions.isEmpty
            ? "always" : w.conditions.map { e(PlainWords.condition($0)) }.joined(separator: "; and ")
        out += "</p>\n<p><b>Then</b></p><ul>"
        out += w.actions.map { "<li>\(e(PlainWords.action($0)))</li>" }.joined()
        if w.actions.isEmpty { out += "<li>nothing (no actions given)</li>" }
        out += "</ul>\n<p><b>Rebuild in Twenty</b></p><ol class=\"steps\">"
        if let trigger = plan.trigger {
            out += "<li><span class=\"type\">\(e(trigger.type))</span> trigger: \(CodeSpan.html(trigger.words))</li>"
        }
        for step in plan.steps {
            out += "<li><span class=\"type\">\(e(step.type))</span> \(CodeSpan.html(step.words))</li>"
        }
        out += "</ol>\n"
        if !plan.gaps.isEmpty {
            out += "<p><b>No equivalent</b></p><ul class=\"gaps\">"
            for gap in plan.gaps {
                out += "<li>\(CodeSpan.html(gap.what)). <b>Instead:</b> \(CodeSpan.html(gap.instead)).</li>"
            }
            out += "</ul>\n"
        }
        if !plan.unrecognised.isEmpty {
            out += "<ul class=\"unrecognised\">" + plan.unrecognised.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n"
        }
        out += "<p><b>Touches</b> " + touches(plan, code: { "<code>\(e($0))</code>" }, text: e) + "</p>\n"
        return out + "</section>\n"
    }

    /// The object and fields under their Twenty names, saying where a name comes from the proposal or nowhere.
    func touches(_ plan: RebuildPlan, code: (String) -> String, text: (String) -> String) -> String {
        func name(_ n: TwentyNames.Name) -> String {
            text("\"\(n.source)\" → ") + (n.twenty.map(code) ?? text("no Twenty name (\(n.note ?? "unknown"))"))
        }
        var parts = [text("object ") + name(plan.object)]
        parts += plan.fields.map { text("field ") + name($0) }
        let source: String
        switch mapState {
        case .confirmed: source = "names from the confirmed map"
        case .proposed: source = "names from the proposed map, not confirmed yet"
        case .none: source = "no map yet: object names from the vocabulary, fields unnamed"
        }
        return parts.joined(separator: "; ") + text(" (\(source))")
    }
}
