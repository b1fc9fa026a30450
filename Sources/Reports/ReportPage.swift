/// The page every HTML report is: one self-contained file (no script, no fetched asset) that opens with its
/// summary, then its charts, then its findings grouped by severity, then the report's own tables. Written once so
/// the audit, the sample diff, the reconciliation and the workflow reference read alike.
public struct ReportPage: Sendable {
    public var title: String
    /// One line under the title: project, snapshot, when.
    public var subtitle: String
    public var summary: ReportSummary
    public var charts: [BarChart]
    public var findings: [FindingGroup]

    public init(
        title: String, subtitle: String = "", summary: ReportSummary, charts: [BarChart] = [],
        findings: [FindingGroup] = []
    ) {
        self.title = title
        self.subtitle = subtitle
        self.summary = summary
        self.charts = charts
        self.findings = findings
    }

    /// The whole document, with `body` (the report's own sections, already escaped) after the shared opening.
    public func html(body: String) -> String {
        var out = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        out += "<title>\(ReportText.html(title))</title>\n<style>\(Self.style)</style></head><body>\n"
        out += "<h1>\(ReportText.html(title))</h1>\n"
        if !subtitle.isEmpty { out += "<p class=\"muted\">\(ReportText.html(subtitle))</p>\n" }
        out += summaryHTML
        if !charts.isEmpty { out += "<div class=\"charts\">" + charts.map(Self.chartHTML).joined() + "</div>\n" }
        out += findingsHTML
        return out + body + "</body></html>\n"
    }

    /// The four answers, in the order people ask them; an empty answer says "nothing" rather than disappearing.
    public var summaryHTML: String {
        func box(_ kind: String, _ heading: String, _ lines: [String], empty: String) -> String {
            let items =
                lines.isEmpty
                ? "<li class=\"muted\">\(empty)</li>" : lines.map { "<li>\(ReportText.html($0))</li>" }.joined()
            return "<div class=\"box \(kind)\"><h2>\(heading)</h2><ul>\(items)</ul></div>"
        }
        var out = "<section class=\"summary\" id=\"summary\">"
        out += box("ready", "Ready", summary.ready, empty: "Nothing yet.")
        out += box("decide", "Needs a decision", summary.decisions, empty: "Nothing to decide.")
        out += box("lost", "Lost or refused", summary.lost, empty: "Nothing lost or refused.")
        if let estimate = summary.estimate { out += box("time", "Time", [estimate], empty: "") }
        return out + "</section>\n"
    }

    /// Findings under their severity, most serious first; within one severity the most frequent first.
    public var findingsHTML: String {
        guard !findings.isEmpty else { return "" }
        var out = "<section class=\"findings\" id=\"findings\"><h2>Findings by severity</h2>\n"
        for severity in Severity.allCases {
            let groups = findings.filter { $0.severity == severity }.sorted {
                $0.count != $1.count ? $0.count > $1.count : $0.title < $1.title
            }
            guard !groups.isEmpty else { continue }
            out += "<div class=\"severity \(severity.rawValue)\"><h3>\(severity.title)"
            out += " (\(groups.reduce(0) { $0 + $1.count }))</h3>\n"
            for group in groups {
                out += "<div class=\"finding\"><h4>\(ReportText.html(group.title)) <span class=\"count\">"
                out += "\(group.count)</span></h4>"
                if !group.meaning.isEmpty { out += "<p>\(ReportText.html(group.meaning))</p>" }
                out += "<p class=\"todo\"><b>What to do:</b> \(ReportText.html(group.whatToDo))</p>"
                if !group.examples.isEmpty {
                    out += "<ul class=\"examples\">"
                    for example in group.examples {
                        out += "<li><code>\(ReportText.html(example.location))</code> "
                        out += "\(ReportText.html(example.text))</li>"
                    }
                    out += "</ul>"
                }
                out += "</div>\n"
            }
            out += "</div>\n"
        }
        return out + "</section>\n"
    }

    /// One chart: a row per bar with its label, a CSS bar and the number itself (bars alone hide small counts).
    public static func chartHTML(_ chart: BarChart) -> String {
        var out = "<figure class=\"chart\"><figcaption>\(ReportText.html(chart.title))</figcaption><table>"
        for bar in chart.bars {
            out += "<tr><th>\(ReportText.html(bar.label))</th><td class=\"bar\"><span class=\"\(bar.tone.rawValue)\""
            out += " style=\"width:\(chart.percent(bar))%\"></span></td><td class=\"num\">\(bar.value)</td></tr>"
        }
        return out + "</table></figure>"
    }

    /// One stylesheet for every report: readable at a laptop's width, tables that wrap long values.
    public static let style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1180px;\
        padding:0 1.5em;color:#1d1d1f}h1{margin-bottom:.2em}h2{margin-top:1.6em}.muted{color:#666}\
        table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #d0d0d0;padding:3px 8px;\
        text-align:left;vertical-align:top;overflow-wrap:anywhere}th{background:#f3f3f3}\
        .bad{background:#fde2e2}.drift{background:#fff4d6}.ctl{color:#a00}\
        .summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(230px,1fr));gap:12px;margin:1em 0}\
        .box{border:1px solid #ccc;border-top-width:5px;border-radius:4px;padding:.2em 1em}\
        .box h2{font-size:1em;margin:.6em 0 .3em}.box ul{margin:.2em 0 .8em;padding-left:1.2em}\
        .box.ready{border-top-color:#2e7d32}.box.decide{border-top-color:#e0a000}.box.lost{border-top-color:#c62828}\
        .box.time{border-top-color:#1565c0}\
        .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(360px,1fr));gap:12px 32px}\
        .chart{margin:0}.chart figcaption{font-weight:600;margin:.5em 0}.chart table{width:100%;margin:0}\
        .chart th,.chart td{border:0;background:none;padding:2px 6px}.chart th{font-weight:normal;width:30%}\
        .chart td.bar{width:60%}.chart td.num{text-align:right;font-variant-numeric:tabular-nums}\
        .chart span{display:block;height:14px;border-radius:2px;background:#90a4ae}\
        .chart span.good{background:#66bb6a}.chart span.warning{background:#ffb300}.chart span.bad{background:#e53935}\
        .severity{border-left:5px solid #999;padding-left:1em;margin:1em 0}.severity.blocking{border-color:#c62828}\
        .severity.decision{border-color:#e0a000}.severity.notice{border-color:#90a4ae}\
        .finding h4{margin:.8em 0 .2em}.finding p{margin:.2em 0}.count{background:#eee;border-radius:9px;\
        padding:0 7px;font-weight:normal}.examples{margin:.3em 0 .8em;padding-left:1.2em}\
        .examples li{white-space:pre-wrap;overflow-wrap:anywhere}code{font-size:12px;background:#f5f5f5;padding:0 3px}\
        .badge{background:#eee;border-radius:3px;padding:0 6px;font-size:12px;font-weight:normal;vertical-align:middle}\
        .badge.inactive{background:#ffe0b2}.type{font:600 12px monospace;background:#e3f2fd;padding:1px 4px;\
        border-radius:3px}.unrecognised li{color:#b71c1c}section.workflow{border-top:1px solid #ddd;margin-top:1.2em}\
        section.workflow p{margin:.3em 0}
        """
}
