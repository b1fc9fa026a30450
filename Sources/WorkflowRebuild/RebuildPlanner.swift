/// Translates a source workflow into Twenty's trigger and step types (TWENTY_API.md section 11): trigger
/// `DATABASE_EVENT` (`<object>.created|updated|deleted`), `CRON`, `MANUAL`, `WEBHOOK`; steps `FILTER`,
/// `FIND_RECORDS`, `ITERATOR`, `CREATE_RECORD`, `UPDATE_RECORD`, `DELETE_RECORD`, `SEND_EMAIL`, `HTTP_REQUEST`,
/// `CODE`, `DELAY`. What the source does that no step does is a gap with a workaround, never a silent omission.
enum RebuildPlanner {
    static func plan(_ workflow: SourceWorkflow, names: TwentyNames) -> RebuildPlan {
        let object = names.object(workflow.object)
        // A Twenty name is marked as code; a source name that maps to nothing stays a quoted source word.
        let twentyObject =
            object.twenty.map(CodeSpan.mark) ?? "\"\(workflow.object)\" (no Twenty object)"
        func event(_ name: String) -> String {
            object.twenty.map { "record event \(CodeSpan.mark("\($0).\(name)"))" }
                ?? "record event \(name) of \(twentyObject)"
        }
        var fields: [TwentyNames.Name] = []
        func field(_ said: String) -> String {
            let name = names.field(said, object: workflow.object)
            if !fields.contains(name) { fields.append(name) }
            return name.twenty.map(CodeSpan.mark) ?? "\"\(said)\""
        }
        var plan = RebuildPlan(trigger: nil, steps: [], gaps: [], unrecognised: [], object: object, fields: [])
        if workflow.object.isEmpty { plan.unrecognised.append("not recognised: the workflow names no object") }

        // Conditions become one FILTER after a record trigger, or the FIND_RECORDS filter of a scheduled run.
        var filters: [String] = []
        for condition in workflow.conditions {
            guard let comparison = condition.comparison, !condition.field.isEmpty else {
                plan.unrecognised.append(
                    "not recognised: condition \"\(condition.field.isEmpty ? condition.saidComparison : "\(condition.field) \(condition.saidComparison) \(condition.value)")\""
                )
                continue
            }
            filters.append(Self.filter(field(condition.field), comparison, condition.value, plan: &plan))
        }
        let filterWords = filters.joined(separator: " and ")

        switch workflow.trigger.kind {
        case .created?, .updated?, .deleted?, .fieldChanged?:
            let kind =
                workflow.trigger.kind == .created
                ? "created" : workflow.trigger.kind == .deleted ? "deleted" : "updated"
            plan.trigger = .init(type: "DATABASE_EVENT", words: event(kind))
            if workflow.trigger.kind == .fieldChanged {
                let watched = workflow.trigger.field.map(field) ?? "the field"
                plan.gaps.append(
                    .init(
                        what:
                            "the source fires only when \(watched) changes; the \(event("updated")) fires on any edit of the record",
                        instead:
                            "keep the FILTER on the new value below; where the workflow must run once per change, add a checkbox the workflow sets in its last step and filter on it being false"
                    ))
            }
            if !filters.isEmpty { plan.steps.append(.init(type: "FILTER", words: "continue only if \(filterWords)")) }
        case .schedule?:
            let cron = workflow.schedule?.cron
            plan.trigger = .init(
                type: "CRON",
                words: cron.map { "schedule \(CodeSpan.mark($0))" }
                    ?? "a schedule (the export says \"\(workflow.schedule?.said ?? workflow.trigger.said)\")")
            if cron == nil {
                plan.unrecognised.append(
                    "not recognised: schedule \"\(workflow.schedule?.said ?? "")\" (no cron expression)")
            }
            if let zone = workflow.schedule?.timeZone, !["UTC", "Etc/UTC", "GMT"].contains(zone) {
                plan.gaps.append(
                    .init(
                        what: "the source runs in \(zone); Twenty's CRON trigger reads the expression in UTC",
                        instead: "shift the hour to UTC (and again when daylight saving time changes)"))
            }
            plan.steps.append(
                .init(
                    type: "FIND_RECORDS",
                    words: "find \(twentyObject) records" + (filters.isEmpty ? "" : " where \(filterWords)")))
            if workflow.actions.contains(where: { $0.kind != .sendReport }) {
                plan.steps.append(.init(type: "ITERATOR", words: "for each record found, the steps below"))
            }
        case .manual?:
            plan.trigger = .init(type: "MANUAL", words: "launched by hand on a \(twentyObject) record")
            if !filters.isEmpty { plan.steps.append(.init(type: "FILTER", words: "continue only if \(filterWords)")) }
        case .webhook?:
            plan.trigger = .init(type: "WEBHOOK", words: "called by another system at the workflow's webhook URL")
            if !filters.isEmpty { plan.steps.append(.init(type: "FILTER", words: "continue only if \(filterWords)")) }
        case nil:
            plan.unrecognised.append("not recognised: trigger \"\(workflow.trigger.said)\"")
        }

        for action in workflow.actions {
            Self.add(action, object: twentyObject, field: field, to: &plan)
        }
        plan.fields = fields
        return plan
    }

    private static func filter(
        _ field: String, _ comparison: Comparison, _ value: String, plan: inout RebuildPlan
    ) -> String {
        switch comparison {
        case .olderThanMonths: return "\(field) is before \(value) months ago (a relative date)"
        case .withinNextDays: return "\(field) is in the next \(value) days (a relative date)"
        case .isEmpty, .isNotEmpty: return "\(field) \(comparison.rawValue)"
        case .before where value == "now": return "\(field) is in the past"
        default: return "\(field) \(comparison.rawValue) \(value.isEmpty ? "(empty)" : "\"\(value)\"")"
        }
    }

    private static func add(
        _ action: SourceWorkflow.Action, object: String, field: (String) -> String, to plan: inout RebuildPlan
    ) {
        let p = { (names: Set<String>) in action.parameter(names) ?? "" }
        guard let kind = action.kind else {
            plan.unrecognised.append("not recognised: action \"\(action.said)\"")
            return
        }
        switch kind {
        case .assignOwner:
            let users = p(["users", "members", "team", "to"])
            if AssignmentStrategy.isRoundRobin(p(["strategy", "mode", "method"])) {
                plan.steps.append(
                    .init(type: "CODE", words: "pick the next of \(users.isEmpty ? "the team" : users) in turn"))
                plan.gaps.append(
                    .init(
                        what: "round-robin assignment has no step of its own in Twenty",
                        instead:
                            "a CODE step returns the next member (for example by the record's creation minute modulo the team's size); or assign one person and balance by hand from a view"
                    ))
            }
            plan.steps.append(
                .init(
                    type: "UPDATE_RECORD",
                    words:
                        "set the record's owner (\(field("Owner"))) to \(users.isEmpty ? "the chosen member" : "the chosen member of \(users)")"
                ))
        case .sendEmail:
            let template = p(["template", "templateid", "vorlage"])
            plan.steps.append(
                .init(
                    type: "SEND_EMAIL",
                    words: "send an email to \(p(["to", "recipient", "recipients", "an"]))"
                        + (template.isEmpty ? "" : " with the text of template \"\(template)\"")))
            if !template.isEmpty {
                plan.gaps.append(
                    .init(
                        what: "email template \"\(template)\" does not move to Twenty",
                        instead:
                            "copy its subject and body into the SEND_EMAIL step; it sends from a mailbox connected to Twenty"
                    ))
            }
        case .emailSequence:
            plan.gaps.append(
                .init(
                    what: "a multi-step email sequence (\(action.said)) has no equivalent in Twenty's workflows",
                    instead:
                        "run the sequence in an outside sequencing or email-marketing tool fed from Twenty (HTTP_REQUEST on enrolment); for a short fixed series without reply detection, chain SEND_EMAIL and DELAY steps"
                ))
            plan.steps.append(.init(type: "HTTP_REQUEST", words: "enrol the record in the outside tool's sequence"))
        case .createTask:
            let due = p(["dueindays", "due", "duedays"])
            if !due.isEmpty {
                plan.steps.append(.init(type: "CODE", words: "compute the due date: today + \(due) days"))
            }
            plan.steps.append(
                .init(
                    type: "CREATE_RECORD",
                    words: "create a \(CodeSpan.mark("task")) titled \"\(p(["subject", "title", "name"]))\""
                        + (p(["assignee", "owner", "to"]).isEmpty ? "" : ", assignee \(p(["assignee", "owner", "to"]))")
                        + (due.isEmpty ? "" : ", \(CodeSpan.mark("dueAt")) from the CODE step")))
            plan.steps.append(
                .init(
                    type: "CREATE_RECORD",
                    words: "create a \(CodeSpan.mark("taskTarget")) linking the task to the \(object) record"))
        case .notify:
            plan.steps.append(
                .init(
                    type: "SEND_EMAIL",
                    words: "email \(p(["users", "to", "recipients"])): \"\(p(["message", "text", "body"]))\""))
            plan.gaps.append(
                .init(
                    what: "in-app notifications to users have no step in Twenty",
                    instead: "the SEND_EMAIL step tells them instead (or an HTTP_REQUEST to the team's chat)"))
        case .postMessage:
            plan.steps.append(
                .init(
                    type: "HTTP_REQUEST",
                    words:
                        "POST \"\(p(["text", "message", "body"]))\" to the incoming-webhook URL of \(p(["channel", "room"]).isEmpty ? "the chat" : p(["channel", "room"]))"
                ))
        case .sendReport:
            plan.steps.append(.init(type: "SEND_EMAIL", words: "email \(p(["to", "recipients"])) the records found"))
            plan.gaps.append(
                .init(
                    what:
                        "a report sent as a \(p(["format"]).isEmpty ? "file" : p(["format"]).uppercased() + " file") cannot be attached by a workflow step",
                    instead:
                        "list the found records in the email body (a CODE step formats them), or share a saved view with the same filter"
                ))
        case .updateField:
            let target = p(["field", "property", "column"])
            plan.steps.append(
                .init(
                    type: "UPDATE_RECORD",
                    words: "set \(target.isEmpty ? "a field" : field(target)) to \"\(p(["value", "to", "wert"]))\""))
        case .callWebhook:
            plan.steps.append(
                .init(
                    type: "HTTP_REQUEST",
                    words:
                        "\(p(["method", "verb"]).isEmpty ? "POST" : p(["method", "verb"]).uppercased()) \(p(["url", "endpoint", "address"]))"
                ))
        case .createRecord:
            plan.steps.append(
                .init(
                    type: "CREATE_RECORD",
                    words:
                        "create a record: \(action.parameters.map { "\($0.name) \($0.value)" }.joined(separator: ", "))"
                ))
        case .deleteRecord:
            plan.steps.append(.init(type: "DELETE_RECORD", words: "delete the \(object) record"))
        case .wait:
            plan.steps.append(
                .init(type: "DELAY", words: "wait \(action.parameters.map(\.value).joined(separator: " "))"))
        case .runCode:
            plan.steps.append(.init(type: "CODE", words: "port the source's code (\(action.said))"))
        case .sendSMS:
            plan.gaps.append(
                .init(
                    what: "text messages have no step in Twenty",
                    instead: "an HTTP_REQUEST to the SMS provider's API"))
            plan.steps.append(.init(type: "HTTP_REQUEST", words: "send the text through the SMS provider's API"))
        }
    }
}

/// Whether an assignment strategy is round-robin, however it is spelt (`round_robin`, `Round Robin`, `rotate`).
enum AssignmentStrategy {
    static func isRoundRobin(_ said: String) -> Bool {
        let key = WorkflowWords.key(said)
        return key.contains("roundrobin") || key.contains("rotat") || key == "rr"
    }
}
