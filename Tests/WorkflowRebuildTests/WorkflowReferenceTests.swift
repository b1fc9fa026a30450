import Foundation
import Ledger
import Testing

@testable import ExportGenerator
@testable import WorkflowRebuild

@Suite("Workflow reference")
struct WorkflowReferenceTests {
    @Test("every trigger and action of every generator template is recognised and rebuilt in Twenty's types")
    func coversEveryTemplate() throws {
        let export = try WorkflowExport(.allTemplates)
        let reference = try export.reference()
        #expect(reference.entries.count == Workflows.templates.count)
        var sourceActionTypes = Set<String>()
        for entry in reference.entries {
            #expect(entry.plan.unrecognised == [], "\(entry.workflow.name)")
            #expect(entry.plan.trigger != nil, "\(entry.workflow.name)")
            #expect(entry.workflow.trigger.kind != nil)
            for action in entry.workflow.actions {
                #expect(action.kind != nil, "\(action.said)")
                sourceActionTypes.insert(action.said)
            }
        }
        // Each distinct source action type lands on a distinct meaning: none is folded into another.
        let kinds = Set(reference.entries.flatMap { $0.workflow.actions.compactMap(\.kind) })
        #expect(kinds.count == sourceActionTypes.count)
        let used = Set(reference.typeUsage.map(\.type))
        for type in [
            "DATABASE_EVENT", "CRON", "FILTER", "FIND_RECORDS", "ITERATOR", "CREATE_RECORD", "UPDATE_RECORD",
            "SEND_EMAIL", "HTTP_REQUEST", "CODE",
        ] {
            #expect(used.contains(type), "\(type)")
        }
    }

    @Test("the seed's own pick of workflows is read through the export's understanding, none unrecognised")
    func seedsPick() throws {
        let export = try WorkflowExport(.seedsPick, seed: 9)
        let reference = try export.reference()
        #expect((5...10).contains(reference.entries.count))
        #expect(reference.files == export.understanding.files(.workflows).map(\.path))
        #expect(reference.counts.unrecognised == 0)
    }

    @Test("an inactive workflow is marked in the page and in the Markdown")
    func inactiveMarked() throws {
        let reference = try WorkflowExport(.allTemplates).reference()
        let inactive = try #require(reference.entries.first { $0.workflow.active == false })
        #expect(reference.counts.inactive == 1)
        let html = reference.html(projectName: "p")
        #expect(html.contains("\(inactive.workflow.name) <span class=\"badge inactive\">inactive</span>"))
        #expect(reference.markdown(projectName: "p").contains("### \(inactive.workflow.name) (inactive)"))
    }

    @Test("objects and fields are named as the map names them, and the page says whether the map is confirmed")
    func namesFromTheMap() throws {
        let export = try WorkflowExport(.allTemplates)
        let map = try export.proposedMap()
        let confirmed = try export.reference(map: map, state: .confirmed)
        let proposal = try #require(
            confirmed.entries.first { $0.workflow.name == "Follow up three days after a proposal" })
        #expect(proposal.plan.object.twenty == "opportunity")
        #expect(proposal.plan.fields.first { $0.source == "Stage" }?.twenty == "stage")
        #expect(proposal.plan.trigger?.words.contains("opportunity.updated") == true)
        #expect(confirmed.summary.decisions.allSatisfy { !$0.contains("not confirmed") })

        let unconfirmed = try export.reference(map: map, state: .proposed)
        #expect(unconfirmed.summary.decisions.contains { $0.contains("proposed, not confirmed") })
        #expect(unconfirmed.html(projectName: "p").contains("names from the proposed map, not confirmed yet"))
        let none = try export.reference()
        #expect(none.entries.allSatisfy { entry in entry.plan.fields.allSatisfy { $0.twenty == nil } })
    }

    @Test("what has no equivalent is said with what to do instead: round-robin, templates, files, time zones")
    func gapsWithWorkarounds() throws {
        let reference = try WorkflowExport(.allTemplates).reference()
        let gaps = reference.entries.flatMap(\.plan.gaps)
        #expect(gaps.allSatisfy { !$0.instead.isEmpty })
        #expect(gaps.contains { $0.what.contains("round-robin") })
        #expect(gaps.contains { $0.what.contains("welcome-newsletter") })
        #expect(gaps.contains { $0.what.contains("CSV file") })
        #expect(gaps.contains { $0.what.contains("Europe/Berlin") })
        let summary = reference.summary
        let counts = reference.counts
        #expect(
            summary.ready.first
                == "\(counts.direct) of \(counts.workflows) workflows rebuild step for step in Twenty's workflow editor (\(counts.steps) steps in all, triggers included)."
        )
        #expect(
            summary.decisions.first
                == "\(counts.withGaps) workflows do something Twenty has no step for: choose the workaround each one names."
        )
    }

    @Test("writing the reference records workflow.reference.written with the reference's counts")
    func recordsTheEvent() throws {
        let export = try WorkflowExport(.allTemplates)
        let reference = try export.reference()
        try reference.record(reportPath: "reports/workflows.html", in: export.ledger)
        var recorded: [WorkflowReferenceWritten] = []
        try export.ledger.events(matching: EventFilter(type: EventType.workflowReferenceWritten.rawValue)) { event in
            if case .workflowReferenceWritten(let written) = try event.decoded() { recorded.append(written) }
        }
        let c = reference.counts
        #expect(recorded.count == 1)
        #expect(recorded.first?.workflows == c.workflows)
        #expect(recorded.first?.inactive == 1)
        #expect(recorded.first?.steps == c.steps)
        #expect(recorded.first?.mapState == "no map yet")
    }
}
