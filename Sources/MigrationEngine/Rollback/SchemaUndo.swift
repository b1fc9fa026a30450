import CanonicalJSON
import Ledger
import TwentyClient

/// Carries out the inverse of a schema change `prepare` made (its removal, or the exact earlier option list)
/// through the metadata API, and tells whether the workspace already holds that inverse (a resumed rollback).
struct SchemaUndo {
    let client: TwentyClient

    /// The object and field ids and option values the workspace's metadata holds now.
    struct Metadata {
        var objects: [String: String] = [:]
        var fields: [String: (id: String, options: [String])] = [:]

        init(_ answer: JSONValue) {
            for object in answer["data"]?["objects"]?.arrayValue ?? [] {
                guard let name = object["nameSingular"]?.stringValue, let id = object["id"]?.stringValue else {
                    continue
                }
                objects[name] = id
                for field in object["fields"]?.arrayValue ?? [] {
                    guard let fieldName = field["name"]?.stringValue, let fieldId = field["id"]?.stringValue else {
                        continue
                    }
                    let options = field["options"]?.arrayValue?.compactMap { $0["value"]?.stringValue } ?? []
                    fields["\(name).\(fieldName)"] = (fieldId, options)
                }
            }
        }
    }

    func metadata() async throws -> Metadata { Metadata(try await client.get("rest/metadata/objects")) }

    /// Whether the workspace is already as `inverse` leaves it.
    static func isDone(_ inverse: SchemaChange, in metadata: Metadata) -> Bool {
        let field = inverse.field.map { "\(inverse.object).\($0)" }
        switch inverse.op {
        case .deleteObject: return metadata.objects[inverse.object] == nil
        case .deleteField: return field.map { metadata.fields[$0] == nil } ?? false
        case .updateField:
            let wanted = inverse.definition?["options"]?.arrayValue?.compactMap { $0["value"]?.stringValue } ?? []
            return field.flatMap { metadata.fields[$0]?.options } == wanted
        case .createObject: return metadata.objects[inverse.object] != nil
        case .createField: return field.map { metadata.fields[$0] != nil } ?? false
        }
    }

    /// Makes the change; a removal of something already gone is done without a call.
    func apply(_ inverse: SchemaChange) async throws {
        let current = try await metadata()
        guard !Self.isDone(inverse, in: current) else { return }
        let name = inverse.field.map { "\(inverse.object).\($0)" } ?? inverse.object
        switch inverse.op {
        case .deleteField:
            let id = inverse.metadataId ?? current.fields[name]?.id ?? ""
            _ = try await client.send("DELETE", "rest/metadata/fields/\(id)")
        case .deleteObject:
            let id = inverse.metadataId ?? current.objects[inverse.object] ?? ""
            // Twenty deletes only a deactivated object.
            _ = try await client.send("PATCH", "rest/metadata/objects/\(id)", body: ["isActive": false])
            _ = try await client.send("DELETE", "rest/metadata/objects/\(id)")
        case .updateField:
            let id = inverse.metadataId ?? current.fields[name]?.id ?? ""
            _ = try await client.send("PATCH", "rest/metadata/fields/\(id)", body: inverse.definition ?? .object([:]))
        case .createObject, .createField:
            // `prepare` only adds to a workspace, so no recorded inverse creates anything.
            throw MigrationError("rollback cannot re-create \(name): no step of this tool removes schema")
        }
    }
}
