import FieldMap

/// What a person verifies by hand after the records reconcile: what the API cannot carry (workflows cannot be
/// built with an API key; views, dashboards and permissions are the workspace's, not the records'), and what the
/// migration switched off or left for a person (integrations, drift, rejections).
public struct PostMigrationChecklist: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        /// workflows, views and dashboards, permissions, integrations, data.
        public var area: String
        public var text: String
    }

    public var items: [Item]

    public init(items: [Item]) { self.items = items }

    public init(map: FieldMap, result: ReconciliationResult) {
        var items: [Item] = []
        let skipped = map.objects.filter { $0.disposition == .skip }.map(\.source)
        let workflowFiles = skipped.filter {
            $0.lowercased().contains("workflow") || $0.lowercased().contains("automation")
        }
        items.append(
            Item(
                area: "workflows",
                text: "Rebuild the source's workflows in Twenty's workflow editor: an API key cannot create a"
                    + " workflow's trigger or steps"
                    + (workflowFiles.isEmpty
                        ? "" : " (the export describes them in \(workflowFiles.joined(separator: ", ")))")
                    + "; `crm-migrate report workflows` writes each one's trigger and steps to reports/workflows.html.")
        )
        let created = map.objects.compactMap { object -> String? in
            switch object.disposition {
            case .newObject, .junction: object.twentyObject
            default: nil
            }
        }
        items.append(
            Item(
                area: "views and dashboards",
                text: "Recreate the saved views, filters, kanban boards and dashboards people used"
                    + (created.isEmpty
                        ? "." : "; the new objects \(created.joined(separator: ", ")) have only Twenty's default view.")
            ))
        items.append(
            Item(
                area: "permissions",
                text: "Give roles access to the new objects and fields, check record-level permissions, and revoke or"
                    + " narrow the API key used for the migration."))
        items.append(
            Item(
                area: "integrations",
                text: "Turn back on the workflows and webhooks paused for the migration, reconnect email and calendar"
                    + " sync, and point other systems that wrote to the old CRM at Twenty."))
        if !skipped.isEmpty {
            items.append(
                Item(
                    area: "data",
                    text: "Decide what becomes of the source files the map skipped: \(skipped.joined(separator: ", "))."
                ))
        }
        let rejected = result.objects.reduce(0) { $0 + $1.rejected }
        if rejected > 0 {
            items.append(
                Item(
                    area: "data",
                    text: "Review the \(rejected) rejected record(s) and their reasons (`crm-migrate ledger log --type"
                        + " record.rejected`)."))
        }
        if !result.drift.isEmpty {
            items.append(
                Item(
                    area: "data",
                    text: "Confirm the \(result.drift.count) field(s) changed in Twenty after the migration wrote them"
                        + " (drift below) are intended edits."))
        }
        self.items = items
    }
}
