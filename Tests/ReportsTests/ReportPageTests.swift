import Testing

@testable import Reports

@Suite("Report page")
struct ReportPageTests {
    @Test("the page opens with the summary, before the charts, the findings and the report's own body")
    func summaryComesFirst() throws {
        let page = ReportPage(
            title: "Audit", summary: ReportSummary(ready: ["12 objects ready"], decisions: ["3 to decide"]),
            charts: [BarChart(title: "Records", bars: [.init(label: "contacts", value: 4)])],
            findings: [
                FindingGroup(
                    title: "duplicate-email", severity: .decision, count: 1, meaning: "m", whatToDo: "merge",
                    examples: [.init(location: "contacts.csv:4", text: "a@b.c")])
            ])
        let html = page.html(body: "<h2>Own tables</h2>")
        let positions = ["id=\"summary\"", "class=\"chart\"", "id=\"findings\"", "Own tables"].map {
            html.range(of: $0)?.lowerBound
        }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(html.contains("<li>12 objects ready</li>"))
        #expect(html.contains("Nothing lost or refused."))
    }

    @Test("findings are grouped under their severity, most serious first, each with what to do and file:line examples")
    func groupedBySeverity() {
        let groups = [
            FindingGroup(title: "stale", severity: .notice, count: 9, meaning: "", whatToDo: "ignore", examples: []),
            FindingGroup(
                title: "orphan", severity: .blocking, count: 2, meaning: "", whatToDo: "fix the id",
                examples: [.init(location: "deals.csv:7", text: "D-7"), .init(location: "deals.csv:9", text: "D-9")]),
            FindingGroup(title: "dup", severity: .decision, count: 3, meaning: "", whatToDo: "merge", examples: []),
        ]
        let html = ReportPage(title: "t", summary: ReportSummary(), findings: groups).findingsHTML
        let must = html.range(of: "Must be fixed (2)")!.lowerBound
        let decide = html.range(of: "Needs a decision (3)")!.lowerBound
        let info = html.range(of: "For information (9)")!.lowerBound
        #expect(must < decide && decide < info)
        #expect(html.contains("<li><code>deals.csv:7</code> D-7</li><li><code>deals.csv:9</code> D-9</li>"))
        #expect(html.contains("<b>What to do:</b> fix the id"))
    }

    @Test("hostile values in the summary, findings and charts are escaped, bidirectional controls shown")
    func escapesEverything() {
        let hostile = "<script>alert('x')</script>\u{202E}gpj.exe"
        let page = ReportPage(
            title: hostile, subtitle: hostile, summary: ReportSummary(ready: [hostile], estimate: hostile),
            charts: [BarChart(title: hostile, bars: [.init(label: hostile, value: 1)])],
            findings: [
                FindingGroup(
                    title: hostile, severity: .blocking, count: 1, meaning: hostile, whatToDo: hostile,
                    examples: [.init(location: hostile, text: hostile)])
            ])
        let html = page.html(body: "")
        #expect(!html.contains("<script>"))
        #expect(!html.contains("\u{202E}"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("[U+202E]"))
    }

    @Test("bars are as long as their count against the longest, and a count of one stays visible")
    func barWidths() {
        let chart = BarChart(
            title: "t",
            bars: [.init(label: "a", value: 400), .init(label: "b", value: 100), .init(label: "c", value: 1)])
        #expect(chart.bars.map(chart.percent) == [100, 25, 1])
        #expect(ReportPage.chartHTML(chart).contains("style=\"width:25%\"></span></td><td class=\"num\">100</td>"))
        #expect(BarChart(title: "t", bars: [.init(label: "z", value: 0)]).percent(.init(label: "z", value: 0)) == 0)
    }

    @Test("Markdown text escapes what Markdown would read as syntax and keeps a value on one line")
    func markdownEscaping() {
        #expect(ReportText.markdown("a|b *c* [d](e) <b>\nx") == "a\\|b \\*c\\* \\[d\\](e) \\<b\\> x")
        #expect(ReportText.markdown("\u{202E}") == "\\[U+202E\\]")
    }
}
