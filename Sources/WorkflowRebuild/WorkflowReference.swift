import ExportUnderstanding
import Foundation
import Ledger
import Reports

/// `reports/workflows.html` and `reports/workflows.md`: every workflow of the export, what it did in plain words,
/// and how to rebuild it in Twenty step by step. Read from the latest snapshot through the export's understanding
/// (whichever file it recognised as workflows), never by file name.
public struct WorkflowReference: Sendable {
    public struct Entry: Sendable {
        public var workflow: SourceWorkflow
        public var plan: RebuildPlan
    }

    public var entries: [Entry]
    public var mapState: TwentyNames.MapState
    /// The export files the understanding recognised as workflow definitions.
    public var files: [String]

    public init(entries: [Entry], mapState: TwentyNames.MapState, files: [String]) {
        self.entries = entries
        self.mapState = mapState
        self.files = files
    }

    /// The workflows of the latest snapshot, each with its rebuild plan.
    public static func read(ledger: Ledger, understanding: ExportUnderstanding, names: TwentyNames) throws
        -> WorkflowReference
    {
        var entries: [Entry] = []
        let files = understanding.files(.workflows)
        for file in files {
            try ledger.forEachCurrentRecord(object: file.object) { record in
                let workflow = WorkflowReading.workflow(
                    sourceId: record.sourceId, file: record.file, line: record.line, values: record.values)
                entries.append(Entry(workflow: workflow, plan: RebuildPlanner.plan(workflow, names: names)))
            }
        }
        entries.sort { ($0.workflow.file, $0.workflow.line) < ($1.workflow.file, $1.workflow.line) }
        return WorkflowReference(entries: entries, mapState: names.state, files: files.map(\.path))
    }

    /// The figures the ledger records and the summary states.
    public struct Counts: Sendable, Equatable, Codable {
        public var workflows = 0
        public var active = 0
        public var inactive = 0
        /// Rebuilt step for step, nothing missing or unrecognised.
        public var direct = 0
        public var withGaps = 0
        public var unrecognised = 0
        public var steps = 0
    }

    public var counts: Counts {
        var counts = Counts()
        for entry in entries {
            counts.workflows += 1
            if entry.workflow.active == false { counts.inactive += 1 } else { counts.active += 1 }
            if entry.plan.isDirect { counts.direct += 1 }
            if !entry.plan.gaps.isEmpty { counts.withGaps += 1 }
            counts.unrecognised += entry.plan.unrecognised.count
            counts.steps += entry.plan.steps.count + (entry.plan.trigger == nil ? 0 : 1)
        }
        return counts
    }

    /// Twenty trigger and step types with how often the rebuild uses each, most used first.
    public var typeUsage: [(type: String, count: Int)] {
        var usage: [String: Int] = [:]
        for entry in entries {
            for step in [entry.plan.trigger].compactMap({ $0 }) + entry.plan.steps { usage[step.type, default: 0] += 1 }
        }
        return usage.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    public var summary: ReportSummary {
        let c = counts
        var summary = ReportSummary()
        summary.ready.append(
            "\(c.direct) of \(c.workflows) workflows rebuild step for step in Twenty's workflow editor (\(c.steps) steps in all, triggers included)."
        )
        summary.ready.append("Twenty refuses workflow steps to API keys: a person builds them from this reference.")
        if c.withGaps > 0 {
            summary.decisions.append(
                "\(ReportText.count(c.withGaps, "workflow")) \(ReportText.verb(c.withGaps, "does", "do")) something Twenty has no step for: choose the workaround each one names."
            )
        }
        switch mapState {
        case .confirmed: break
        case .proposed:
            summary.decisions.append("The field map is proposed, not confirmed: Twenty names below may still change.")
        case .none:
            summary.decisions.append("There is no field map yet: fields are given in the export's words.")
        }
        if c.unrecognised > 0 {
            summary.lost.append(
                "\(ReportText.count(c.unrecognised, "part")) of workflows \(ReportText.verb(c.unrecognised, "was", "were")) not recognised: read them in the export and rebuild them by hand."
            )
        }
        if c.inactive > 0 {
            summary.lost.append(
                "\(ReportText.count(c.inactive, "workflow")) \(ReportText.verb(c.inactive, "is", "are")) inactive in the source: listed, marked, not needed unless wanted back."
            )
        }
        return summary
    }

    var findings: [FindingGroup] {
        var groups: [FindingGroup] = []
        let unrecognised = entries.flatMap { entry in entry.plan.unrecognised.map { (entry.workflow, $0) } }
        if !unrecognised.isEmpty {
            groups.append(
                FindingGroup(
                    title: "Not recognised", severity: .blocking, count: unrecognised.count,
                    meaning: "Parts of a workflow in words the tool does not know; no step is guessed for them.",
                    whatToDo: "Read the workflow in the export at the line given and rebuild that part by hand.",
                    examples: unrecognised.map {
                        .init(location: "\($0.0.file):\($0.0.line)", text: "\($0.0.name): \($0.1)")
                    }))
        }
        let gaps = entries.flatMap { entry in entry.plan.gaps.map { (entry.workflow, $0) } }
        if !gaps.isEmpty {
            groups.append(
                FindingGroup(
                    title: "No equivalent in Twenty", severity: .decision, count: gaps.count,
                    meaning: "What the source workflow does that no Twenty step does as such.",
                    whatToDo: "Pick the workaround given with each workflow below, or drop that part knowingly.",
                    examples: gaps.map {
                        .init(location: "\($0.0.file):\($0.0.line)", text: "\($0.0.name): \(CodeSpan.clean($0.1.what))")
                    }))
        }
        let inactive = entries.filter { $0.workflow.active == false }
        if !inactive.isEmpty {
            groups.append(
                FindingGroup(
                    title: "Inactive in the source", severity: .notice, count: inactive.count,
                    meaning: "Workflows switched off before the export.",
                    whatToDo: "Rebuild them only if they are wanted back; otherwise leave them out.",
                    examples: inactive.map {
                        .init(location: "\($0.workflow.file):\($0.workflow.line)", text: $0.workflow.name)
                    }))
        }
        return groups
    }
}

extension WorkflowReference {
    /// Writes `workflows.html` and `workflows.md` into `directory` (created if needed).
    @discardableResult
    public func write(to directory: URL, projectName: String) throws -> (html: URL, markdown: URL) {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let html = directory.appendingPathComponent("workflows.html")
        let markdown = directory.appendingPathComponent("workflows.md")
        try Data(self.html(projectName: projectName).utf8).write(to: html)
        try Data(self.markdown(projectName: projectName).utf8).write(to: markdown)
        return (html, markdown)
    }

    /// Records `workflow.reference.written` with the reference's figures.
    public func record(reportPath: String, in ledger: Ledger) throws {
        let c = counts
        try ledger.append([
            .workflowReferenceWritten(
                WorkflowReferenceWritten(
                    workflows: c.workflows, active: c.active, inactive: c.inactive, direct: c.direct,
                    withGaps: c.withGaps, unrecognised: c.unrecognised, steps: c.steps, mapState: mapState.rawValue,
                    reportPath: reportPath))
        ])
    }
}
