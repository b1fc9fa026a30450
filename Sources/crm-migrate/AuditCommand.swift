import AllegoryExport
import ArgumentParser
import ExportAudit
import Foundation
import Ledger
import SourceSnapshot
import TwentySandboxServer

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract:
            "Audit the export: counts, data quality, custom fields and pick-lists, exclusions, and a migration plan.",
        discussion: """
            Works on the project's latest snapshot (with --export, takes a snapshot first). Writes \
            PROJECT_DIR/reports/audit.json and audit.html and prints a summary. Findings name their file, line, \
            record and field: the readers' (ragged rows, encodings, ...) and the data-quality checks' (duplicate \
            ids, emails and domains, missing and invalid values, orphans, parent cycles, stale contacts, unknown \
            owners, attachments that do not match their files). Exclusion rules are recorded in the ledger as \
            record.excluded events and the plan leaves those records out.
            """)

    @OptionGroup var options: ProjectOptions
    @Option(help: "Take a snapshot of this export folder first.", completion: .directory) var export: String?
    @Option(
        name: .customLong("exclude"),
        help: ArgumentHelp(
            "An exclusion rule to apply (repeatable). Rules listed under \"exclude\" in project.json apply on every run.",
            valueName: "rule"))
    var exclude: [ExclusionRuleArgument] = []
    @Option(
        help: ArgumentHelp(
            "Requests per window for the duration estimate, COUNT/DURATION (100/60s, 500/250ms).", valueName: "rate"))
    var rate = RateArgument(.twentyLongDefault)
    @Option(help: "Records per batch request for the estimate (Twenty's documented safe size).") var batch = 60

    func validate() throws {
        if rate.limit == nil { throw ValidationError("--rate needs a rate to estimate with, such as 100/60s") }
        if batch < 1 { throw ValidationError("--batch must be at least 1") }
    }

    func run() throws {
        let project = try options.open()
        let ledger = try project.openLedger(.write)
        if let export {
            let layout = try ExportLayout(root: URL(fileURLWithPath: export).standardizedFileURL)
            let completed = try Snapshotter(ledger: ledger, layout: layout).run()
            print(
                "Snapshot \(completed.snapshot): \(completed.extracted) new or changed, \(completed.unchanged) unchanged, \(completed.missing) missing"
            )
        }
        var auditOptions = Auditor.Options()
        // Rules from the command line, and those the project file keeps for every run.
        for rule in exclude.map(\.name) + (project.settings.exclude ?? []) where !auditOptions.exclude.contains(rule) {
            guard Auditor.exclusionRules[rule] != nil else {
                throw UserFacingError(
                    "project.json names the exclusion rule \"\(rule)\", which does not exist; known: \(Auditor.exclusionRules.keys.sorted().joined(separator: ", "))"
                )
            }
            auditOptions.exclude.append(rule)
        }
        let limit = rate.limit ?? .twentyLongDefault
        (auditOptions.requestsPerWindow, auditOptions.windowSeconds) = (
            limit.count, Double(limit.windowMilliseconds) / 1000
        )
        auditOptions.batchSize = batch
        let report = try Auditor(ledger: ledger, options: auditOptions).run()
        try FileManager.default.createDirectory(at: project.reportsDirectory, withIntermediateDirectories: true)
        let jsonURL = project.reportsDirectory.appendingPathComponent("audit.json")
        let htmlURL = project.reportsDirectory.appendingPathComponent("audit.html")
        try report.json().write(to: jsonURL)
        try Data(report.html(projectName: project.settings.name).utf8).write(to: htmlURL)

        print("Audit of snapshot \(report.snapshot) (\(report.exportPath))")
        print("")
        print("FILE".padding(40) + "OBJECT".padding(20) + "RECORDS")
        for file in report.files { print(file.path.padding(40) + file.object.padding(20) + String(file.records)) }
        print("")
        print("FINDING".padding(26) + "COUNT".padding(8) + "EXAMPLE")
        for item in report.summary {
            let example =
                item.examples.first.map { "\($0.file):\($0.line) \($0.sourceId.map { $0 + " " } ?? "")\($0.detail)" }
                ?? ""
            print(item.kind.padding(26) + String(item.count).padding(8) + String(example.prefix(90)))
        }
        if report.findings.isEmpty { print("(none)") }
        print("")
        let inventory = report.inventory
        print(
            "custom fields \(inventory.customFields.count), pick-lists \(inventory.picklists.count), deal stages \(inventory.stages.count), custom objects \(inventory.customObjects.isEmpty ? "none" : inventory.customObjects.joined(separator: ", ")), attachments \(inventory.attachments) (\(inventory.attachmentBytes) bytes), workflows \(inventory.workflows.count)"
        )
        for exclusion in report.exclusions {
            print("excluded by \(exclusion.rule): \(exclusion.sourceIds.count) \(exclusion.object)")
        }
        print(
            "plan: \(report.plan.requests) requests in batches of \(report.plan.batchSize) at \(report.plan.rate): about \(AuditReport.duration(report.plan.estimatedSeconds))"
        )
        print("reports: \(jsonURL.path), \(htmlURL.path)")
    }
}
