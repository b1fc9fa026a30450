/// A source workflow's trigger, conditions and actions said in plain words, before any Twenty vocabulary: what the
/// old system did, so a person can check the rebuild against it.
enum PlainWords {
    static func when(_ workflow: SourceWorkflow) -> String {
        let object = workflow.object.isEmpty ? "a record" : "a \(workflow.object) record"
        switch workflow.trigger.kind {
        case .created?: return "\(object) is created"
        case .updated?: return "\(object) is updated"
        case .deleted?: return "\(object) is deleted"
        case .fieldChanged?: return "\(workflow.trigger.field.map { "\"\($0)\"" } ?? "a field") of \(object) changes"
        case .schedule?:
            guard let schedule = workflow.schedule else { return "on a schedule" }
            return "on the schedule \(schedule.cron ?? schedule.said)"
                + (schedule.timeZone.map { " (\($0) time)" } ?? "") + ", over the \(workflow.object) records"
        case .manual?: return "someone starts it by hand"
        case .webhook?: return "another system calls it"
        case nil:
            return "not recognised: \(workflow.trigger.said.isEmpty ? "(no trigger given)" : workflow.trigger.said)"
        }
    }

    static func condition(_ condition: SourceWorkflow.Condition) -> String {
        guard let comparison = condition.comparison else {
            return
                "not recognised: \([condition.field, condition.saidComparison, condition.value].filter { !$0.isEmpty }.joined(separator: " "))"
        }
        switch comparison {
        case .isEmpty, .isNotEmpty: return "\"\(condition.field)\" \(comparison.rawValue)"
        case .olderThanMonths: return "\"\(condition.field)\" is more than \(condition.value) months ago"
        case .withinNextDays: return "\"\(condition.field)\" is within the next \(condition.value) days"
        default: return "\"\(condition.field)\" \(comparison.rawValue) \(condition.value)"
        }
    }

    static func action(_ action: SourceWorkflow.Action) -> String {
        let details = action.parameters.map { "\($0.name): \($0.value)" }.joined(separator: "; ")
        guard let kind = action.kind else { return "not recognised: \(action.said)" }
        return kind.rawValue + (details.isEmpty ? "" : " (\(details))")
    }
}
