import ArgumentParser
import FieldMap
import Foundation
import Ledger
import SourceSnapshot
import WorkflowRebuild

struct WorkflowsReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workflows",
        abstract: "Write the workflow rebuild reference: each export workflow in Twenty's trigger and step types.",
        discussion: """
            Reads the workflow definitions of the latest snapshot (whichever file the export's understanding \
            recognised as workflows) and writes reports/workflows.html and reports/workflows.md: each workflow's \
            trigger, conditions and actions in plain words; the Twenty trigger (DATABASE_EVENT, CRON, MANUAL, \
            WEBHOOK) and steps (FILTER, FIND_RECORDS, CREATE_RECORD, UPDATE_RECORD, SEND_EMAIL, HTTP_REQUEST, \
            CODE, DELAY, ...) that rebuild it; what has no equivalent and what to do instead; the objects and \
            fields it touches under their Twenty names (from the confirmed map, else the proposed one, said so); \
            inactive workflows marked; parts it does not recognise said as such, never guessed. Twenty refuses \
            workflow steps to API keys, so the tool writes the reference and builds nothing. Records \
            workflow.reference.written in the ledger.
            """)

    @OptionGroup var options: ProjectOptions

    func run() throws {
        let project = try options.open()
        let ledger = try project.openLedger(.write)
        guard let understanding = try UnderstandingRecord.latestComplete(in: ledger) else {
            throw UserFacingError("the project has no understood snapshot yet: run `crm-migrate snapshot` first")
        }
        let names: TwentyNames
        if let confirmed = try? MapConfirmation.requireConfirmed(projectDirectory: options.directory) {
            names = TwentyNames(map: confirmed.map, state: .confirmed, understanding: understanding)
        } else if let proposed = try? MapFile.load(projectDirectory: options.directory) {
            names = TwentyNames(map: proposed.map, state: .proposed, understanding: understanding)
        } else {
            names = TwentyNames(map: nil, state: .none, understanding: understanding)
        }
        let reference = try WorkflowReference.read(ledger: ledger, understanding: understanding, names: names)
        let written = try reference.write(to: project.reportsDirectory, projectName: project.settings.name)
        try reference.record(reportPath: "reports/workflows.html", in: ledger)
        let c = reference.counts
        print(
            "\(c.workflows) workflows (\(c.inactive) inactive): \(c.direct) rebuild step for step, \(c.withGaps) need a"
                + " workaround, \(c.unrecognised) parts not recognised; \(c.steps) Twenty steps; field map:"
                + " \(names.state.rawValue)")
        for entry in reference.entries {
            let types = ([entry.plan.trigger].compactMap { $0 } + entry.plan.steps).map(\.type)
            print(
                "  \(entry.workflow.name)\(entry.workflow.active == false ? " (inactive)" : ""): \(types.joined(separator: " -> "))"
            )
        }
        print("reports: \(written.html.path), \(written.markdown.path)")
    }
}
