import AllegoryExport
import CanonicalJSON
import ExportUnderstanding
import Foundation
import Ledger
import TwentyModel

/// Proposes the field map of an export: every file to a Twenty object, every column to a field with a transform, a
/// confidence and reasons; stage and status values to options; owners to members. It reads a sample of each file.
public struct MapProposer {
    public let layout: ExportLayout
    public let catalog: TargetCatalog
    public var rowLimit: Int
    /// What the snapshot understood of the export (each file's object, key, columns' meanings and relations); without
    /// it, files are read by the default layout's names only.
    public var understanding: ExportUnderstanding?
    /// The project's ledger: samples are then the snapshot's records, not the export read again.
    public var ledger: Ledger?

    public init(
        layout: ExportLayout, catalog: TargetCatalog, understanding: ExportUnderstanding? = nil,
        rowLimit: Int = SourceSample.defaultRowLimit
    ) {
        self.layout = layout
        self.catalog = catalog
        self.understanding = understanding
        self.rowLimit = rowLimit
    }

    /// The object of the first file holding `role`, or the default layout's name for it.
    func object(of role: ObjectRole) -> String { understanding?.files(role).first?.object ?? role.rawValue }

    /// The proposal and notes for the person (owners left to the fallback, files that could not be read).
    public struct Proposal: Sendable {
        public var map: FieldMap
        public var notes: [String]
        /// The sampled values of each file, for the review and the assist.
        public var samples: [String: SourceSample]
    }

    public func propose() throws -> Proposal {
        var samples: [String: SourceSample] = [:]
        var notes: [String] = []
        let descriptive: Set<ObjectRole> = [.customFields, .workflows]
        for file in layout.files {
            if let understood = understanding?.file(path: file.path) {
                guard !descriptive.contains(understood.role) else { continue }
            } else if SourceObjects.notMigrated[file.object] != nil && !["users", "stages"].contains(file.object) {
                continue
            }
            do {
                if let ledger, let understood = understanding?.file(path: file.path) {
                    samples[file.object] = try LedgerSample.read(understood, from: ledger, limit: rowLimit)
                } else {
                    samples[file.object] = try SourceSample.read(file, in: layout, limit: rowLimit)
                }
            } catch {
                notes.append("\(file.path) could not be read: \(error)")
            }
        }
        var definitions: [String: [FieldDefinition]] = [:]
        if let file = layout.files.first(where: { $0.object == object(of: .customFields) }) {
            do {
                definitions = try layout.withLocalFile(of: file) { path in
                    try FieldDefinitions.customFields(at: path, fileName: file.path).fields
                }
            } catch {
                notes.append("\(file.path) could not be read, so new fields are typed from their values: \(error)")
            }
        }
        var context = ProposalContext(
            catalog: catalog, definitions: definitions, stages: StageList(sample: samples[object(of: .stages)]),
            targets: [:],
            understanding: understanding)
        // Decide every object's target first, so references between objects can name them.
        var plans: [(ExportLayout.SourceFile, Plan)] = []
        for file in layout.files {
            let plan = self.plan(file)
            plans.append((file, plan))
            switch plan {
            case .standard(let profile, _, _): context.targets[file.object] = SourceObjects.standard[profile]?.target
            case .custom:
                context.targets[file.object] = CustomObjectProposer.names(for: file.object, schema: nil).nameSingular
            case .junction, .notMigrated: break
            }
        }
        let custom = CustomObjectProposer(context: context, layout: layout)
        var objects: [ObjectMap] = []
        for (file, plan) in plans {
            switch plan {
            case .notMigrated(let reason):
                objects.append(
                    ObjectMap(
                        source: file.object, file: file.path, key: file.keyColumns.joined(separator: ", "), target: "",
                        disposition: .skip, confidence: 1, reasons: [reason], fields: []))
            case .standard(let profile, let confidence, let reason):
                guard let sample = samples[file.object], let targetName = SourceObjects.standard[profile]?.target,
                    let object = catalog.object(targetName)
                else {
                    notes.append("\(file.path): the workspace has no object for \(profile); left out")
                    continue
                }
                let understood = understanding?.file(path: file.path)
                let proposer = StandardObjectProposer(
                    context: context, profile: profile, object: object, understood: understood)
                let (fields, key) = proposer.fields(sample)
                let understoodKey = understood.flatMap {
                    $0.keyColumns.isEmpty ? nil : $0.keyColumns.joined(separator: ", ")
                }
                objects.append(
                    ObjectMap(
                        source: file.object, file: file.path, key: understoodKey ?? key ?? file.keyColumns.first ?? "",
                        target: targetName, confidence: confidence, reasons: [reason], fields: fields))
            case .custom:
                guard let sample = samples[file.object] else { continue }
                objects.append(custom.customObject(sample, file: file))
            case .junction:
                guard let sample = samples[file.object] else { continue }
                objects.append(custom.junction(sample, file: file))
            }
        }
        objects = objects.map { CollisionProposer.propose($0, catalog: catalog) }
        let ownerValues = objects.flatMap { object in
            object.fields.filter { $0.transform == .owner }.flatMap { field -> [String] in
                guard let sample = samples[object.source], let index = sample.header.firstIndex(of: field.column) else {
                    return []
                }
                return sample.values(ofColumn: index)
            }
        }
        let owners = OwnerProposer.propose(
            users: samples[object(of: .users)], ownerValues: ownerValues, members: catalog.memberEmails,
            exportedBy: exportedBy())
        notes += owners.notes
        let map = FieldMap(
            twenty: TwentyTarget(url: catalog.url, version: catalog.version),
            defaults: MapDefaults(currency: mostCommonCurrency(objects, samples) ?? "USD"), owners: owners.owners,
            objects: objects)
        return Proposal(map: map, notes: notes, samples: samples)
    }

    enum Plan {
        case standard(profile: String, confidence: Double, reason: String)
        case custom
        case junction
        case notMigrated(String)
    }

    func plan(_ file: ExportLayout.SourceFile) -> Plan {
        if let understood = understanding?.file(path: file.path) {
            let vocabulary = ObjectVocabulary.of(understood.role)
            switch understood.role {
            case .custom: return .custom
            case .junction: return .junction
            case .users, .stages, .customFields, .workflows:
                return .notMigrated(vocabulary?.notMigratedReason ?? "not records to write")
            case .companies, .contacts, .deals, .tasks, .notes, .activities, .attachments:
                let reasons = understood.roleReasons + [vocabulary?.reason ?? ""]
                return .standard(
                    profile: understood.role.rawValue, confidence: understood.roleConfidence,
                    reason: reasons.filter { !$0.isEmpty }.joined(separator: ": "))
            }
        }
        if let reason = SourceObjects.notMigrated[file.object] { return .notMigrated(reason) }
        if file.path.hasPrefix("relationships/") { return .junction }
        if file.path.hasPrefix("custom_objects/") { return .custom }
        if let standard = SourceObjects.standard[file.object] {
            return .standard(profile: file.object, confidence: 1, reason: standard.reason)
        }
        if let (profile, score) = SourceObjects.standardObject(like: file.object),
            let standard = SourceObjects.standard[profile]
        {
            return .standard(
                profile: profile, confidence: (score * 100).rounded() / 100,
                reason: "\(file.path) reads as the export's \(profile): \(standard.reason)")
        }
        return .custom
    }

    /// manifest.json's `exportedBy`.
    func exportedBy() -> String? {
        guard let manifest = layout.manifestPath, let data = try? layout.source.contents(of: manifest),
            let json = try? JSONValue(parsing: data)
        else { return nil }
        return json["exportedBy"]?.stringValue
    }

    /// The currency most sampled amounts are in: the default for records that name none.
    func mostCommonCurrency(_ objects: [ObjectMap], _ samples: [String: SourceSample]) -> String? {
        var counts: [String: Int] = [:]
        for object in objects {
            for field in object.fields where field.transform == .currencyCode {
                guard let sample = samples[object.source], let index = sample.header.firstIndex(of: field.column) else {
                    continue
                }
                for value in sample.values(ofColumn: index) where SampleShapes.isCurrencyCode(value.trimmingWhitespace)
                {
                    counts[value.trimmingWhitespace, default: 0] += 1
                }
            }
        }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }
}
