import Foundation
import Reports

/// The audit as one self-contained HTML page for people: the shared opening (summary, charts, findings by severity
/// with what to do), then the records, inventory, exclusions, the plan and every finding.
extension AuditReport {
    public func html(projectName: String) -> String {
        func e(_ text: String) -> String { ReportText.html(text) }
        func table(_ head: [String], _ rows: [[String]]) -> String {
            "<table><tr>" + head.map { "<th>\(e($0))</th>" }.joined() + "</tr>"
                + rows.map { "<tr>" + $0.map { "<td>\(e($0))</td>" }.joined() + "</tr>" }.joined() + "</table>"
        }
        let page = ReportPage(
            title: "Audit of the Allegory export",
            subtitle: "Project \(projectName) · snapshot \(snapshot) of \(exportPath) · exported at \(exportedAt)",
            summary: pageSummary, charts: charts, findings: findingGroups)
        var html = ""
        html +=
            "<h2>Records</h2>"
            + table(
                ["File", "Object", "Records", "Bytes"],
                files.map { [$0.path, $0.object, String($0.records), String($0.bytes)] })
        html +=
            "<h2>Custom fields</h2>"
            + table(
                ["Object", "Field", "Type", "Declared in custom_fields.csv"],
                inventory.customFields.map { [$0.object, $0.field, $0.type, $0.declared ? "yes" : "inferred"] })
        html +=
            "<h2>Pick-lists</h2>"
            + table(
                ["Object", "Field", "Values (count)"],
                inventory.picklists.map { list in
                    [list.object, list.field, list.values.map { "\($0.value) (\($0.count))" }.joined(separator: ", ")]
                })
        html +=
            "<h2>Deal stages</h2>"
            + table(
                ["Pipeline", "Order", "Stage", "Deals"],
                inventory.stages.map { [$0.pipeline, String($0.order), $0.stage, String($0.deals)] })
        html += "<h2>Custom objects, attachments, workflows</h2>"
        html += "<p>Custom objects: \(e(inventory.customObjects.joined(separator: ", ")))</p>"
        html += "<p>Attachments: \(inventory.attachments) files, \(inventory.attachmentBytes) bytes.</p>"
        html += table(
            ["Workflow", "Object", "Trigger", "Active"],
            inventory.workflows.map { [$0.name, $0.object, $0.trigger, $0.active ? "yes" : "no"] })
        html += "<p class=\"muted\">Workflows cannot move through Twenty's API; they are rebuilt by hand.</p>"
        html += "<h2>Exclusions</h2>"
        html +=
            exclusions.isEmpty
            ? "<p>None.</p>"
            : table(
                ["Rule", "Meaning", "Records excluded"],
                exclusions.map {
                    [
                        $0.rule, $0.description,
                        "\($0.sourceIds.count): \($0.sourceIds.prefix(50).joined(separator: ", "))\($0.sourceIds.count > 50 ? ", ... (all in audit.json)" : "")",
                    ]
                })
        html +=
            "<h2>Plan</h2>"
            + table(
                ["Object", "Records", "Excluded", "Requests", "How"],
                plan.steps.map { [$0.object, String($0.records), String($0.excluded), String($0.requests), $0.note] })
        html += "<p>\(plan.requests) requests at \(plan.rate): about \(Self.duration(plan.estimatedSeconds)).</p>"
        html +=
            "<h2>Every finding</h2>"
            + table(
                ["Kind", "File", "Line", "Record", "Field", "Detail"],
                findings.map { [$0.kind, $0.file, String($0.line), $0.sourceId ?? "", $0.field ?? "", $0.detail] })
        return page.html(body: html)
    }

    public static func duration(_ seconds: Double) -> String {
        let minutes = Int((seconds / 60).rounded(.up))
        return minutes < 120 ? "\(minutes) min" : String(format: "%.1f h", seconds / 3600)
    }
}
