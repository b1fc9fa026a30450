/// One workflow as the export describes it, in the export's own words, with what the tool recognised of each part.
/// A part it could not recognise keeps `kind == nil` and the words it said, so the reference can say so honestly.
public struct SourceWorkflow: Sendable, Equatable {
    public var sourceId: String
    public var file: String
    public var line: Int
    public var name: String
    /// The object the workflow runs on, as the export names it (`deals`, `Opportunity`); empty when not stated.
    public var object: String
    /// nil when the export does not say, or says it in words the tool does not know.
    public var active: Bool?
    public var trigger: Trigger
    public var conditions: [Condition]
    public var actions: [Action]
    public var schedule: Schedule?

    public struct Trigger: Sendable, Equatable {
        public var kind: TriggerKind?
        /// The trigger as written (`record.created`, `{"event":"Stage changed"}`).
        public var said: String
        /// The field a field-change trigger watches.
        public var field: String?
    }

    public struct Condition: Sendable, Equatable {
        public var field: String
        public var comparison: Comparison?
        public var saidComparison: String
        public var value: String
    }

    public struct Action: Sendable, Equatable {
        public var kind: ActionKind?
        public var said: String
        /// The action's other members, in the order written, values as text.
        public var parameters: [Parameter]

        public func parameter(_ names: Set<String>) -> String? {
            parameters.first { names.contains(WorkflowWords.key($0.name)) }?.value
        }
    }

    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    public struct Schedule: Sendable, Equatable {
        public var cron: String?
        public var timeZone: String?
        public var said: String
    }
}

/// When a source workflow starts.
public enum TriggerKind: String, Sendable, CaseIterable {
    case created, updated, fieldChanged = "field changed", deleted, schedule, manual, webhook
}

/// How a condition compares a field with its value.
public enum Comparison: String, Sendable, CaseIterable {
    case equals = "is", notEquals = "is not", greaterThan = "is greater than", lessThan = "is less than"
    case isOneOf = "is one of", before = "is before", after = "is after", contains = "contains"
    case isEmpty = "is empty", isNotEmpty = "is not empty"
    case olderThanMonths = "is older than (months)", withinNextDays = "falls within the next (days)"
}

/// What a source workflow's action does.
public enum ActionKind: String, Sendable, CaseIterable {
    case assignOwner = "assign an owner", sendEmail = "send an email", emailSequence = "run an email sequence"
    case createTask = "create a task", notify = "notify users", postMessage = "post a chat message"
    case sendReport = "email a report", updateField = "set a field", callWebhook = "call a webhook"
    case createRecord = "create a record", deleteRecord = "delete the record", wait = "wait"
    case runCode = "run code", sendSMS = "send a text message"
}
