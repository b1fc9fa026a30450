import Foundation
import Reports

/// `reports/sample-diff.csv` (every row) and `reports/sample-diff.html` (the shared opening, then a summary per
/// field with its disagreements on top, then only the rows that disagree): what a person reads before approving the sample.
public struct SampleDiffReport: Sendable {
    public var rows: [SampleDiffRow]
    /// `file:line` of the records the page's examples name (`SourceLocation.find`); without one, object and id.
    public var locations: [String: String] = [:]

    public init(rows: [SampleDiffRow]) { self.rows = rows }

    /// Per object and field: rows compared and rows that disagree, the fields with disagreements first.
    public var summary: [(object: String, field: String, compared: Int, disagreements: Int)] {
        var counts: [String: (object: String, field: String, compared: Int, disagreements: Int)] = [:]
        for row in rows {
            let key = row.object + "\u{1F}" + row.field
            var entry = counts[key] ?? (row.object, row.field, 0, 0)
            entry.compared += 1
            if !row.agrees { entry.disagreements += 1 }
            counts[key] = entry
        }
        return counts.values.sorted {
            ($0.disagreements > 0) != ($1.disagreements > 0)
                ? $0.disagreements > 0 : ($0.object, $0.field) < ($1.object, $1.field)
        }
    }

    public var csv: String {
        var lines = ["object,source_id,column,field,check,source_value,sent,held,agrees,note"]
        for r in rows {
            lines.append(
                [
                    r.object, r.sourceId, r.column, r.field, r.check.rawValue, r.source, r.sent, r.held,
                    r.agrees ? "yes" : "no", r.note,
                ].map(ReportText.csv).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public var html: String {
        let disagreeing = rows.filter { !$0.agrees }
        let page = ReportPage(
            title: "Sample diff",
            subtitle: "\(rows.count) fields compared, \(disagreeing.count) disagree after Twenty's normalisation",
            summary: pageSummary, charts: charts, findings: findingGroups)
        var out = """
            <h2>Per field</h2>
            <table><tr><th>object</th><th>field</th><th>compared</th><th>disagreements</th></tr>

            """
        for entry in summary {
            out += "<tr\(entry.disagreements > 0 ? " class=\"bad\"" : "")><td>\(ReportText.html(entry.object))</td>"
            out +=
                "<td>\(ReportText.html(entry.field))</td><td>\(entry.compared)</td><td>\(entry.disagreements)</td></tr>\n"
        }
        out += "</table>\n<h2>Disagreements</h2>\n"
        if disagreeing.isEmpty {
            out += "<p>None.</p>\n"
        } else {
            out += "<table><tr><th>object</th><th>source id</th><th>column</th><th>field</th><th>check</th>"
            out += "<th>source value</th><th>sent</th><th>held</th><th>note</th></tr>\n"
            for r in disagreeing {
                let cells = [
                    r.object, r.sourceId, r.column, r.field, r.check.rawValue, r.source, r.sent, r.held, r.note,
                ]
                out += "<tr>" + cells.map { "<td>\(ReportText.html($0))</td>" }.joined() + "</tr>\n"
            }
            out += "</table>\n"
        }
        return page.html(body: out)
    }

    /// Writes both files into `directory` (created if needed) and returns their URLs.
    public func write(to directory: URL) throws -> (csv: URL, html: URL) {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let csvURL = directory.appendingPathComponent("sample-diff.csv")
        let htmlURL = directory.appendingPathComponent("sample-diff.html")
        try Data(csv.utf8).write(to: csvURL)
        try Data(html.utf8).write(to: htmlURL)
        return (csvURL, htmlURL)
    }

}
