import CanonicalJSON
import Foundation
import Reports

/// `reports/reconciliation.html` for people, `.csv` (one line per finding) and `.json` (the summary and every
/// finding) for tools. Every value from the source or from Twenty goes through `ReportText`.
public struct ReconciliationReport: Sendable {
    public var result: ReconciliationResult
    public var checklist: PostMigrationChecklist
    /// `file:line` of the records the page's examples name (`SourceLocation.find`); without one, object and id.
    public var locations: [String: String] = [:]

    public init(result: ReconciliationResult, checklist: PostMigrationChecklist) {
        self.result = result
        self.checklist = checklist
    }

    /// One finding per line: a field difference (defect or drift), a missing record or an unexpected one.
    struct Finding {
        var kind: String
        var object: String
        var sourceId: String
        var twentyId: String
        var column = ""
        var field = ""
        var check = ""
        var source = ""
        var written = ""
        var held = ""
        var reason: String

        var cells: [String] {
            [kind, object, sourceId, twentyId, column, field, check, source, written, held, reason]
        }
        static let header = [
            "kind", "object", "source_id", "twenty_id", "column", "field", "check", "source_value", "written", "held",
            "reason",
        ]
    }

    var findings: [Finding] {
        var findings = result.differences.map { d in
            Finding(
                kind: d.kind.rawValue, object: d.row.object, sourceId: d.row.sourceId, twentyId: d.twentyId,
                column: d.row.column, field: d.row.field, check: d.row.check.rawValue, source: d.row.source,
                written: d.row.sent, held: d.row.held,
                reason: d.row.note.isEmpty ? d.reason : "\(d.row.note); \(d.reason)")
        }
        findings += result.missing.map {
            Finding(
                kind: "missing", object: $0.sourceObject, sourceId: $0.sourceId, twentyId: $0.twentyId,
                reason: "written to \($0.object), not in Twenty now")
        }
        findings += result.unexpected.map {
            Finding(
                kind: "unexpected", object: $0.object, sourceId: $0.sourceId, twentyId: $0.twentyId,
                reason: "carries the source id, unknown to the ledger")
        }
        return findings
    }

    public var csv: String {
        var lines = [Finding.header.joined(separator: ",")]
        for finding in findings { lines.append(finding.cells.map(ReportText.csv).joined(separator: ",")) }
        return lines.joined(separator: "\n") + "\n"
    }

    public var json: String {
        var document = result.summary.objectValue ?? [:]
        document["findings"] = .array(
            findings.map { finding in
                .object(
                    Dictionary(
                        uniqueKeysWithValues: zip(Finding.header, finding.cells).map { ($0, JSONValue.string($1)) }))
            })
        document["population"] = .array(
            result.population.map {
                [
                    "sourceObject": .string($0.sourceObject), "object": .string($0.object), "field": .string($0.field),
                    "written": .integer(Int64($0.written)),
                    "held": .integer(Int64($0.held)),
                ]
            })
        document["checklist"] = .array(
            checklist.items.map { ["area": .string($0.area), "text": .string($0.text)] })
        return JSONValue.object(document).canonicalText + "\n"
    }

    public var html: String {
        let r = result
        func cell(_ text: String) -> String { "<td>\(ReportText.html(text))</td>" }
        func count(_ value: Int) -> String { "<td>\(value)</td>" }
        let page = ReportPage(
            title: "Reconciliation",
            subtitle: r.reconciles
                ? "Everything reconciles: Twenty holds what the ledger says was written, and every source record is accounted for."
                : "Does not reconcile: \(r.defects.count) defect(s), \(r.missing.count) missing, \(r.unexpected.count) unexpected, \(r.pending) pending.",
            summary: pageSummary, charts: charts, findings: findingGroups)
        var out =
            "<p>\(r.compared) fields compared; \(r.drift.count) changed in Twenty after the migration (drift, shown,"
            + " not an error); relations \(r.relations.holding) of \(r.relations.checked) hold; owners"
            + " \(r.owners.holding) of \(r.owners.checked) assigned; attachment files \(r.files.holding) of"
            + " \(r.files.checked) as exported; \(r.requests) requests to read Twenty.</p>\n"
        out += "<h2>Per object</h2>\n<table><tr><th>source object</th><th>Twenty object</th><th>source records</th>"
        out += "<th>excluded</th><th>rejected</th><th>pending</th><th>written</th><th>present</th><th>missing</th>"
        out += "<th>unexpected</th></tr>\n"
        for o in r.objects {
            let unexpected = r.unexpected(in: o)
            let bad = o.missing > 0 || o.pending > 0 || unexpected > 0
            out += "<tr\(bad ? " class=\"bad\"" : "")>" + cell(o.sourceObject) + cell(o.object) + count(o.extracted)
            out += count(o.excluded) + count(o.rejected) + count(o.pending) + count(o.written) + count(o.present)
            out += count(o.missing) + count(unexpected) + "</tr>\n"
        }
        out += "</table>\n<h2>Differences</h2>\n"
        let rows = findings
        if rows.isEmpty {
            out += "<p>None.</p>\n"
        } else {
            out +=
                "<table><tr>"
                + Finding.header.map { "<th>\($0.replacingOccurrences(of: "_", with: " "))</th>" }
                .joined() + "</tr>\n"
            for finding in rows {
                out += "<tr class=\"\(finding.kind == "drift" ? "drift" : "bad")\">"
                out += finding.cells.map(cell).joined() + "</tr>\n"
            }
            out += "</table>\n"
        }
        out += "<h2>Custom-field population</h2>\n"
        out +=
            "<table><tr><th>source object</th><th>Twenty object</th><th>field</th><th>written with a value</th><th>held with a value</th></tr>\n"
        for p in r.population {
            out += "<tr\(p.written != p.held ? " class=\"bad\"" : "")>" + cell(p.sourceObject) + cell(p.object)
            out += cell(p.field)
            out += count(p.written) + count(p.held) + "</tr>\n"
        }
        out += "</table>\n<h2>Post-migration checklist</h2>\n<ul>\n"
        for item in checklist.items {
            out += "<li><b>\(ReportText.html(item.area))</b>: \(ReportText.html(item.text))</li>\n"
        }
        return page.html(body: out + "</ul>\n")
    }

    /// Writes the three files into `directory` (created if needed) and returns the HTML's URL.
    @discardableResult
    public func write(to directory: URL) throws -> URL {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let html = directory.appendingPathComponent("reconciliation.html")
        try Data(csv.utf8).write(to: directory.appendingPathComponent("reconciliation.csv"))
        try Data(json.utf8).write(to: directory.appendingPathComponent("reconciliation.json"))
        try Data(self.html.utf8).write(to: html)
        return html
    }
}
