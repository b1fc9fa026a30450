import AllegoryExport
import ExportUnderstanding
import Foundation
import Ledger

/// What the export holds beyond its records: custom fields, pick-lists with their values, deal stages,
/// custom objects, attachments and workflows.
public struct Inventory: Sendable, Codable {
    public struct CustomField: Sendable, Codable {
        public let object: String
        public let field: String
        /// As `custom_fields.csv` or the schema declares it, else inferred from the values.
        public let type: String
        public let declared: Bool
    }

    public struct Picklist: Sendable, Codable {
        public let object: String
        public let field: String
        public let values: [ValueCount]
    }

    public struct ValueCount: Sendable, Codable {
        public let value: String
        public let count: Int
    }

    public struct Stage: Sendable, Codable {
        public let pipeline: String
        public let stage: String
        public let order: Int
        public let deals: Int
    }

    public struct Workflow: Sendable, Codable {
        public let name: String
        public let object: String
        public let trigger: String
        public let active: Bool
    }

    public let customFields: [CustomField]
    public let picklists: [Picklist]
    public let stages: [Stage]
    public let customObjects: [String]
    public let attachments: Int
    public let attachmentBytes: Int64
    public let workflows: [Workflow]

    init(checks: RecordChecks, roles: [String: ObjectRole], folder: URL?) {
        var declared: [String: [FieldDefinition]] = [:]
        if let folder,
            let read = try? FieldDefinitions.customFields(at: folder.appendingPathComponent("custom_fields.csv").path)
        {
            declared = read.fields
        }
        var customFields: [CustomField] = []
        var picklists: [Picklist] = []
        let standardRoles: Set<ObjectRole> = [
            .companies, .contacts, .deals, .tasks, .notes, .activities, .attachments, .users, .stages,
        ]
        for object in checks.streams.keys.sorted() {
            guard let role = roles[object], standardRoles.contains(role) else { continue }
            let stream = checks.streams[object]!
            let profiles = stream.profiles()
            for profile in profiles {
                let definition = (declared[object] ?? declared[role.rawValue])?.first {
                    HeaderName.normalize($0.name) == HeaderName.normalize(profile.name)
                }
                if stream.file?.column(profile.name)?.standard == nil {
                    customFields.append(
                        CustomField(
                            object: object, field: profile.name, type: definition?.type ?? profile.type.description,
                            declared: definition != nil))
                }
                let isPicklist: Bool
                if case .picklist = profile.type {
                    isPicklist = true
                } else {
                    isPicklist = definition?.type == "picklist" || definition?.type == "multipicklist"
                }
                if isPicklist {
                    picklists.append(
                        Picklist(
                            object: object, field: profile.name,
                            values: profile.valueCounts.map { ValueCount(value: $0.value, count: $0.count) }))
                }
            }
        }
        self.customFields = customFields
        self.picklists = picklists
        stages = checks.stageRows.map { row in
            let stage = row.value("Stage") ?? ""
            return Stage(
                pipeline: row.value("Pipeline") ?? "", stage: stage, order: Int(row.value("Order") ?? "") ?? 0,
                deals: checks.dealsPerStage[stage] ?? 0)
        }.sorted { ($0.pipeline, $0.order) < ($1.pipeline, $1.order) }
        customObjects = checks.streams.keys.filter { roles[$0] == .custom }.sorted()
        attachments = checks.streams.filter { roles[$0.key] == .attachments }.reduce(0) { $0 + $1.value.records }
        attachmentBytes = checks.attachmentBytes
        workflows = checks.workflowRows.map { row in
            Workflow(
                name: row.value("name") ?? "", object: row.value("object") ?? "", trigger: row.value("trigger") ?? "",
                active: row.value("active") == "true")
        }
    }
}
