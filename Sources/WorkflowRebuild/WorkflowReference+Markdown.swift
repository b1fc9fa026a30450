import Foundation
import Reports

/// The reference as Markdown, for a wiki or a ticket: the same summary and sections as the page, every source
/// value escaped so a workflow's name cannot break the document's structure.
extension WorkflowReference {
    public func markdown(projectName: String) -> String {
        func m(_ text: String) -> String { ReportText.markdown(text) }
        let s = summary
        var out = "# Workflow rebuild reference\n\n"
        out += "Project \(m(projectName)), \(counts.workflows) workflows, field map: \(m(mapState.rawValue)).\n\n"
        out += "## Summary\n\n"
        for (heading, lines) in [("Ready", s.ready), ("Needs a decision", s.decisions), ("Lost or refused", s.lost)] {
            out += "**\(heading)**\n\n"
            out += lines.isEmpty ? "- nothing\n" : lines.map { "- \(m($0))\n" }.joined()
            out += "\n"
        }
        out += "## Twenty types used\n\n| Type | Steps |\n| --- | ---: |\n"
        out += typeUsage.map { "| \($0.type) | \($0.count) |\n" }.joined()
        out += "\n## Workflows\n"
        for entry in entries {
            let w = entry.workflow
            let plan = entry.plan
            out += "\n### \(m(w.name))\(w.active == false ? " (inactive)" : "")\n\n"
            out += "`\(w.file.replacingOccurrences(of: "`", with: "'")):\(w.line)`, id \(m(w.sourceId))\n\n"
            out += "- **When:** \(m(PlainWords.when(w)))\n"
            out +=
                "- **If:** \(w.conditions.isEmpty ? "always" : w.conditions.map { m(PlainWords.condition($0)) }.joined(separator: "; and "))\n"
            out +=
                "- **Then:** \(w.actions.isEmpty ? "nothing" : w.actions.map { m(PlainWords.action($0)) }.joined(separator: "; then "))\n\n"
            out += "**Rebuild in Twenty**\n\n"
            var number = 0
            if let trigger = plan.trigger {
                number += 1
                out += "\(number). **\(trigger.type)** trigger: \(CodeSpan.markdown(trigger.words))\n"
            }
            for step in plan.steps {
                number += 1
                out += "\(number). **\(step.type)** \(CodeSpan.markdown(step.words))\n"
            }
            if number == 0 { out += "No step can be proposed.\n" }
            if !plan.gaps.isEmpty {
                out += "\n**No equivalent**\n\n"
                out += plan.gaps.map {
                    "- \(CodeSpan.markdown($0.what)). *Instead:* \(CodeSpan.markdown($0.instead)).\n"
                }.joined()
            }
            if !plan.unrecognised.isEmpty {
                out += "\n" + plan.unrecognised.map { "- \(m($0))\n" }.joined()
            }
            out +=
                "\n**Touches:** " + touches(plan, code: { "`\($0.replacingOccurrences(of: "`", with: "'"))`" }, text: m)
                + "\n"
        }
        return out
    }
}
