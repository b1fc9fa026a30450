import Foundation

/// workflows.json: the CRM's automation definitions (name, object, trigger, conditions, actions, schedule,
/// active). Twenty has no equivalent for most of them, which is why the migration must report them.
enum Workflows {
    static let path = "workflows.json"

    /// Writes five to ten of the templates below, chosen by the seed; returns the count and the bytes.
    static func write(seed: UInt64, to directory: URL) throws -> (count: Int, bytes: Int) {
        var rng = SplitMix64(seed: seed, stream: .workflows)
        let count = rng.within(5...10)
        var chosen = Array(templates.indices)
        while chosen.count > count { chosen.remove(at: rng.below(chosen.count)) }
        let workflows: [JSONValue] = chosen.map { index in
            guard case .object(var workflow) = templates[index] else { preconditionFailure("a workflow is an object") }
            workflow["id"] = .string("WF-" + String(index + 101))
            return .object(workflow)
        }
        let bytes = try JSONFile.write(JSONValue.array(workflows), to: directory.appendingPathComponent(path))
        return (workflows.count, bytes)
    }

    private static let salesTeam: JSONValue = .array(
        Users.all.filter(\.isActive).prefix(3).map { JSONValue.string($0.email) })

    static let templates: [JSONValue] = [
        [
            "name": "Assign new web leads round-robin", "object": "contacts",
            "trigger": ["type": "record.created"],
            "conditions": [["field": "Lead Source", "operator": "equals", "value": "Web"]],
            "actions": [["type": "assign_owner", "strategy": "round_robin", "users": salesTeam]],
            "schedule": .null, "active": true,
        ],
        [
            "name": "Welcome email for newsletter subscribers", "object": "contacts",
            "trigger": ["type": "field.changed", "field": "Newsletter"],
            "conditions": [["field": "Newsletter", "operator": "equals", "value": "Yes"]],
            "actions": [["type": "send_email", "template": "welcome-newsletter", "to": "{{Email}}"]],
            "schedule": .null, "active": true,
        ],
        [
            "name": "Follow up three days after a proposal", "object": "deals",
            "trigger": ["type": "field.changed", "field": "Stage"],
            "conditions": [["field": "Stage", "operator": "equals", "value": "Proposal"]],
            "actions": [
                [
                    "type": "create_task", "subject": "Follow up on proposal", "dueInDays": 3,
                    "assignee": "{{Owner Email}}",
                ]
            ],
            "schedule": .null, "active": true,
        ],
        [
            "name": "Notify sales lead of large deals", "object": "deals",
            "trigger": ["type": "record.created"],
            "conditions": [
                ["field": "Amount", "operator": "greater_than", "value": 100_000],
                ["field": "Currency", "operator": "in", "value": ["USD", "EUR", "GBP"]],
            ],
            "actions": [
                ["type": "notify", "users": [.string(Users.all[0].email)], "message": "Large deal: {{Deal Name}}"]
            ],
            "schedule": .null, "active": true,
        ],
        [
            "name": "Hand won deals to onboarding", "object": "deals",
            "trigger": ["type": "field.changed", "field": "Stage"],
            "conditions": [["field": "Stage", "operator": "equals", "value": "Closed Won"]],
            "actions": [
                [
                    "type": "create_task", "subject": "Kick off onboarding", "dueInDays": 2,
                    "assignee": "{{Owner Email}}",
                ],
                ["type": "post_message", "channel": "#wins", "text": "{{Deal Name}} won, {{Amount}} {{Currency}}"],
            ],
            "schedule": .null, "active": true,
        ],
        [
            "name": "Weekly report of stale contacts", "object": "contacts",
            "trigger": ["type": "schedule"],
            "conditions": [["field": "Last Activity", "operator": "older_than_months", "value": 24]],
            "actions": [["type": "send_report", "to": [.string(Users.all[0].email)], "format": "csv"]],
            "schedule": ["cron": "0 7 * * MON", "timezone": "Europe/Berlin"], "active": true,
        ],
        [
            "name": "Renewal reminder 90 days ahead", "object": "deals",
            "trigger": ["type": "schedule"],
            "conditions": [
                ["field": "Pipeline", "operator": "equals", "value": "Renewals"],
                ["field": "Close Date", "operator": "within_next_days", "value": 90],
            ],
            "actions": [
                ["type": "create_task", "subject": "Prepare renewal", "dueInDays": 7, "assignee": "{{Owner Email}}"]
            ],
            "schedule": ["cron": "0 6 * * *", "timezone": "UTC"], "active": true,
        ],
        [
            "name": "Mark large companies as Enterprise", "object": "companies",
            "trigger": ["type": "record.updated"],
            "conditions": [["field": "Employees", "operator": "greater_than", "value": 1000]],
            "actions": [["type": "update_field", "field": "Tier", "value": "Enterprise"]],
            "schedule": .null, "active": true,
        ],
        [
            "name": "Escalate overdue high-priority tasks", "object": "tasks",
            "trigger": ["type": "schedule"],
            "conditions": [
                ["field": "Priority", "operator": "equals", "value": "High"],
                ["field": "Status", "operator": "not_equals", "value": "Completed"],
                ["field": "Due Date", "operator": "before", "value": "now"],
            ],
            "actions": [["type": "notify", "users": ["{{Assignee Email}}"], "message": "Overdue: {{Subject}}"]],
            "schedule": ["cron": "0 * * * *", "timezone": "UTC"], "active": true,
        ],
        [
            "name": "Legacy: push new companies to the old ERP", "object": "companies",
            "trigger": ["type": "record.created"],
            "conditions": [],
            "actions": [["type": "webhook", "method": "POST", "url": "https://erp.meridian.io/hooks/crm"]],
            "schedule": .null, "active": false,
        ],
    ]
}
