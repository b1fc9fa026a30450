import AllegoryExport
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

    init(tables: [String: ObjectTable], folder: URL?) {
        var declared: [String: [FieldDefinition]] = [:]
        if let folder, let read = try? FieldDefinitions.customFields(at: folder.appendingPathComponent("custom_fields.csv").path) {
            declared = read.fields
        }
        var customFields: [CustomField] = []
        var picklists: [Picklist] = []
        let standardObjects = Set(SourceProfile.columns.keys)
        for object in tables.keys.sorted() where standardObjects.contains(object) {
            let table = tables[object]!
            let header = Array(Set(table.records.flatMap { $0.values.keys })).sorted()
            for (name, match) in zip(header, SourceProfile.match(header: header, object: object)) {
                let definition = declared[object]?.first { HeaderName.normalize($0.name) == HeaderName.normalize(name) }
                var profiler = ColumnProfiler(name: name)
                for record in table.records { profiler.add(record.values[name] ?? "") }
                let profile = profiler.profile()
                if match == .custom {
                    customFields.append(
                        CustomField(object: object, field: name, type: definition?.type ?? profile.type.description, declared: definition != nil))
                }
                if case .picklist = profile.type, name != "Country", name != "City", name != "State" {
                    picklists.append(Picklist(object: object, field: name, values: Self.valueCounts(table, name)))
                } else if definition?.type == "picklist" || definition?.type == "multipicklist" {
                    picklists.append(Picklist(object: object, field: name, values: Self.valueCounts(table, name)))
                }
            }
        }
        self.customFields = customFields
        self.picklists = picklists

        let deals = tables["deals"]
        var dealsPerStage: [String: Int] = [:]
        for record in deals?.records ?? [] { dealsPerStage[deals?.value(record, "Stage") ?? "", default: 0] += 1 }
        let stagesTable = tables["stages"]
        stages = (stagesTable?.records ?? []).map { record in
            let stage = stagesTable?.value(record, "Stage") ?? ""
            return Stage(
                pipeline: stagesTable?.value(record, "Pipeline") ?? "", stage: stage,
                order: Int(stagesTable?.value(record, "Order") ?? "") ?? 0, deals: dealsPerStage[stage] ?? 0)
        }.sorted { ($0.pipeline, $0.order) < ($1.pipeline, $1.order) }
        customObjects = tables.keys.filter { !standardObjects.contains($0) && !$0.contains("__") && $0 != "custom_fields" && $0 != "workflows" }.sorted()

        let attachmentTable = tables["attachments"]
        attachments = attachmentTable?.records.count ?? 0
        attachmentBytes = (attachmentTable?.records ?? []).reduce(Int64(0)) { $0 + (Int64(attachmentTable?.value($1, "Size") ?? "") ?? 0) }

        let workflowTable = tables["workflows"]
        workflows = (workflowTable?.records ?? []).map { record in
            let value = { (key: String) in record.values.first { HeaderName.normalize($0.key) == HeaderName.normalize(key) }?.value ?? "" }
            return Workflow(name: value("name"), object: value("object"), trigger: value("trigger"), active: value("active") == "true")
        }
    }

    static func valueCounts(_ table: ObjectTable, _ column: String) -> [ValueCount] {
        var counts: [String: Int] = [:]
        for record in table.records {
            let value = (record.values[column] ?? "").trimmingWhitespace
            if !value.isEmpty { counts[value, default: 0] += 1 }
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ValueCount(value: $0.key, count: $0.value) }
    }
}
