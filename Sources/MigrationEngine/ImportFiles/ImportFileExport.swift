import CanonicalJSON
import FieldMap
import Foundation
import Ledger
import RecordTransform
import TwentyModel

/// Writes the transformed records still to be written (the ledger's pending `record.transformed` payloads, the same
/// ones a run would send) as files for Twenty's in-app CSV import, one series per object in the order a run writes
/// them, and says what that path cannot carry.
public struct ImportFileExport {
    public let ledger: Ledger
    public let map: FieldMap
    /// Labels and types of the target fields: the catalog the map was proposed against.
    public let catalog: TargetCatalog
    public var rowsPerFile = ImportFileWriter.twentyRowLimit

    /// Twenty objects whose records only link others: the importer takes no task or note targets.
    static let linkObjects: Set<String> = ["taskTarget", "noteTarget"]

    public init(ledger: Ledger, map: FieldMap, catalog: TargetCatalog) {
        self.ledger = ledger
        self.map = map
        self.catalog = catalog
    }

    public func write(to directory: URL) throws -> ImportFileSummary {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let created = try createdFields()
        var summary = ImportFileSummary()
        var stems: Set<String> = []
        for object in DependencyOrder.sorted(map.objects) {
            if case .skip = object.disposition { continue }
            if let reason = leftBehindReason(object) {
                var ids: [String] = []
                try ledger.forEachPendingWrite(sourceObject: object.source) { ids.append($0.sourceId) }
                if !ids.isEmpty {
                    summary.leftBehind.append(
                        .init(sourceObject: object.source, target: object.target, reason: reason, sourceIds: ids))
                }
                continue
            }
            var columns = ImportColumns(
                object: targetDescription(object), newFields: newFields(object) + (created[object.target] ?? []))
            var records = 0
            try ledger.forEachPendingWrite(sourceObject: object.source) { pending in
                columns.include(pending.values)
                records += 1
            }
            guard records > 0 else { continue }
            var stem = plural(object)
            if stems.contains(stem) { stem += "-" + object.source }
            stems.insert(stem)
            var writer = ImportFileWriter(
                directory: directory, stem: stem, header: columns.columns.map(\.header), rowsPerFile: rowsPerFile)
            let ownerFields = ownerJoinColumns(object)
            var files = ImportFileSummary.ObjectFiles(sourceObject: object.source, target: object.target)
            try ledger.forEachPendingWrite(sourceObject: object.source) { pending in
                try writer.append(columns.row(pending.values))
                files.sourceIds.append(pending.sourceId)
                files.links += pending.targets.count
                if ownerFields.contains(where: { pending.values[$0].map { $0 != .null } ?? false }) {
                    files.owners += 1
                }
            }
            try writer.finish()
            files.files = writer.files.map { .init(name: $0.name, rows: $0.rows) }
            summary.objects.append(files)
        }
        summary.conservation = try ledger.conservation()
        try Data(ImportReadme(summary: summary).text.utf8).write(
            to: directory.appendingPathComponent("README-import.md"), options: .atomic)
        return summary
    }

    /// Why an object's records cannot go through the importer, or nil when they can.
    func leftBehindReason(_ object: ObjectMap) -> String? {
        if case .junction = object.disposition {
            return "many-to-many links: the importer sets many-to-one relations only, not junction records"
        }
        if object.target == "attachment" {
            return "attachments: a file cannot travel in a CSV file; upload them in Twenty or with `crm-migrate run`"
        }
        if Self.linkObjects.contains(object.target) {
            return "task and note targets: the importer does not create them"
        }
        return nil
    }

    private func targetDescription(_ object: ObjectMap) -> ObjectDescription? {
        if let described = catalog.object(object.target) { return described }
        if case .newObject(let new) = object.disposition {
            return ObjectDescription(
                nameSingular: new.nameSingular, namePlural: new.namePlural, labelSingular: new.labelSingular,
                labelPlural: new.labelPlural, isCustom: true, fields: [])
        }
        return nil
    }

    /// The fields `prepare` created, as Twenty accepted them (`schema.change.applied`): their labels are the ones
    /// the workspace shows, including fields no map line names (the text field for unreadable phone numbers).
    private func createdFields() throws -> [String: [NewField]] {
        var fields: [String: [NewField]] = [:]
        try ledger.events(matching: EventFilter(type: EventType.schemaChangeApplied.rawValue)) { event in
            guard case .schemaChangeApplied(let applied) = try event.decoded(), applied.change.op == .createField,
                let definition = applied.change.definition, let name = definition["name"]?.stringValue,
                let label = definition["label"]?.stringValue
            else { return }
            let type = definition["type"]?.stringValue.flatMap(FieldType.init(rawValue:)) ?? .text
            fields[applied.change.object, default: []].append(NewField(name: name, label: label, type: type))
        }
        return fields
    }

    /// Fields the map creates on the object, for their labels (also those another source object of the same
    /// target creates).
    private func newFields(_ object: ObjectMap) -> [NewField] {
        map.objects.filter { $0.target == object.target }.flatMap { $0.fields.compactMap(\.newField) }
    }

    private func plural(_ object: ObjectMap) -> String {
        if let described = catalog.object(object.target) { return described.namePlural }
        if case .newObject(let new) = object.disposition { return new.namePlural }
        return object.target + "s"
    }

    /// The join columns of the object's relations to workspace members (account owner, assignee, ...).
    private func ownerJoinColumns(_ object: ObjectMap) -> [String] {
        (catalog.object(object.target)?.fields ?? []).compactMap { field in
            guard let relation = field.relation, relation.targetObject == "workspaceMember" else { return nil }
            return relation.joinColumn
        }
    }
}

/// What `ImportFileExport` wrote and what it left behind.
public struct ImportFileSummary: Sendable {
    public struct File: Sendable, Equatable {
        public var name: String
        public var rows: Int
    }

    public struct ObjectFiles: Sendable {
        public var sourceObject: String
        public var target: String
        public var files: [File] = []
        /// The records written to the files, in file order.
        public var sourceIds: [String] = []
        /// Task and note targets these records carry, which the files cannot.
        public var links = 0
        /// Records with an owner (a workspace member).
        public var owners = 0
    }

    /// Transformed records of an object the importer cannot take, each named.
    public struct LeftBehind: Sendable {
        public var sourceObject: String
        public var target: String
        public var reason: String
        public var sourceIds: [String]
    }

    public var objects: [ObjectFiles] = []
    public var leftBehind: [LeftBehind] = []
    /// Per source object: records written, rejected, excluded and pending, as the ledger counts them.
    public var conservation: [ConservationRow] = []
}
