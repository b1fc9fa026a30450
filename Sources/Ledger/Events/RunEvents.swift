import CanonicalJSON

/// `run.started`: a command that changes Twenty or the ledger began. The event's `run_id` names the run.
public struct RunStarted: EventPayload {
    public static let type = EventType.runStarted
    public var command: String
    /// `sample`, `full`, `delta`, `rollback`, ...
    public var mode: String

    public init(command: String, mode: String) {
        self.command = command
        self.mode = mode
    }
}

/// `run.completed`: the run ended normally, with its counts.
public struct RunCompleted: EventPayload {
    public static let type = EventType.runCompleted
    public var command: String
    public var counts: [String: Int]

    public init(command: String, counts: [String: Int]) {
        self.command = command
        self.counts = counts
    }
}

/// `run.failed`: the run stopped on an error; re-running resumes it.
public struct RunFailed: EventPayload {
    public static let type = EventType.runFailed
    public var command: String
    public var error: String

    public init(command: String, error: String) {
        self.command = command
        self.error = error
    }
}

/// `workflow.reference.written`: the workflow rebuild reference was written; its figures. Nothing changes in
/// Twenty (workflow steps cannot be created with an API key), so there is no inverse.
public struct WorkflowReferenceWritten: EventPayload {
    public static let type = EventType.workflowReferenceWritten
    public var workflows: Int
    public var active: Int
    public var inactive: Int
    /// Rebuilt step for step: every part recognised and each with an equivalent.
    public var direct: Int
    public var withGaps: Int
    public var unrecognised: Int
    public var steps: Int
    /// `confirmed`, `proposed, not confirmed` or `no map yet`: where the Twenty names came from.
    public var mapState: String
    public var reportPath: String?

    public init(
        workflows: Int, active: Int, inactive: Int, direct: Int, withGaps: Int, unrecognised: Int, steps: Int,
        mapState: String, reportPath: String?
    ) {
        self.workflows = workflows
        self.active = active
        self.inactive = inactive
        self.direct = direct
        self.withGaps = withGaps
        self.unrecognised = unrecognised
        self.steps = steps
        self.mapState = mapState
        self.reportPath = reportPath
    }
}

/// `reconciliation.computed`: source and destination were compared; the report's figures.
public struct ReconciliationComputed: EventPayload {
    public static let type = EventType.reconciliationComputed
    public var summary: JSONValue
    public var reportPath: String?

    public init(summary: JSONValue, reportPath: String?) {
        self.summary = summary
        self.reportPath = reportPath
    }
}
