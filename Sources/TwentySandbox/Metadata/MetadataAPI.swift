import CanonicalJSON
import TwentyModel

/// The REST metadata API, `/rest/metadata/objects` and `/rest/metadata/fields`. Twenty serves it by running the
/// metadata GraphQL (`createOneObject`, `updateOneField`, ...) and flattening `edges`/`node`
/// (`S/engine/api/rest/metadata/rest-api-metadata.controller.ts`, `S/engine/api/rest/utils/
/// clean-graphql-response.utils.ts`): lists are `{"data":{"objects":[...]},"pageInfo":{...}}`, single results
/// `{"data":{"createOneObject":{...}}}`; create answers 201, the others 200.
extension Workspace {
    func metadata(_ request: SandboxRequest, _ path: [String]) throws -> SandboxResponse {
        guard let collection = path.first, collection == "objects" || collection == "fields", path.count <= 2 else {
            throw SandboxError.notFound("Cannot \(request.method) \(request.path)")
        }
        let isObjects = collection == "objects"
        if path.count == 1 {
            switch request.method {
            case "GET":
                let items =
                    isObjects
                    ? try schema.objects.map(objectJSON) : try schema.objects.flatMap { try $0.fields.map(fieldJSON) }
                return .json(
                    200,
                    [
                        "data": [.init(stringLiteral: collection): .array(items)],
                        "pageInfo": ["hasNextPage": false, "startCursor": .null, "endCursor": .null],
                        "totalCount": .integer(Int64(items.count)),
                    ])
            case "POST":
                let body = try jsonBody(request)
                let created = isObjects ? try objectJSON(try createObject(body)) : try fieldJSON(try createField(body))
                return .json(201, ["data": [isObjects ? "createOneObject" : "createOneField": created]])
            default: break
            }
        } else {
            let id = path[1].lowercased()
            switch request.method {
            case "GET":
                let item = isObjects ? try objectJSON(try existingObject(id)) : try fieldJSON(try existingField(id).1)
                return .json(200, ["data": [isObjects ? "object" : "field": item]])
            case "PATCH", "PUT":
                let body = try jsonBody(request)
                let updated =
                    isObjects ? try objectJSON(try updateObject(id, body)) : try fieldJSON(try updateField(id, body))
                return .json(200, ["data": [isObjects ? "updateOneObject" : "updateOneField": updated]])
            case "DELETE":
                if isObjects { try deleteObject(id) } else { try deleteField(id) }
                return .json(200, ["data": [isObjects ? "deleteOneObject" : "deleteOneField": ["id": .string(id)]]])
            default: break
            }
        }
        throw SandboxError.notFound("Cannot \(request.method) \(request.path)")
    }

    func existingObject(_ id: String) throws -> ObjectModel {
        guard let object = schema.object(id: id) else { throw SandboxError.notFound("Object \(id) not found") }
        return object
    }

    func existingField(_ id: String) throws -> (ObjectModel, FieldMetadata) {
        guard let found = schema.field(id: id) else { throw SandboxError.notFound("Field \(id) not found") }
        return found
    }

    // MARK: Shapes

    func objectJSON(_ object: ObjectModel) throws -> JSONValue {
        var members = try encodedJSON(object.metadata).objectValue ?? [:]
        for key in ["description", "icon", "labelIdentifierFieldMetadataId"] where members[key] == nil {
            members[key] = .null
        }
        members["fields"] = .array(try object.fields.map(fieldJSON))
        return .object(members)
    }

    /// A field as Twenty's metadata returns it, the relation described by both ends.
    func fieldJSON(_ field: FieldMetadata) throws -> JSONValue {
        var members = try encodedJSON(field).objectValue ?? [:]
        for key in ["description", "icon", "defaultValue", "options", "settings"] where members[key] == nil {
            members[key] = .null
        }
        members["relation"] = .null
        if let link = field.relation, let source = schema.object(id: field.objectMetadataId),
            let target = schema.object(id: link.targetObjectMetadataId)
        {
            let targetField = target.fields.first { $0.id == link.targetFieldMetadataId }
            members["relation"] = [
                "type": .string(link.type.rawValue),
                "sourceObjectMetadata": summary(source),
                "targetObjectMetadata": summary(target),
                "sourceFieldMetadata": ["id": .string(field.id), "name": .string(field.name)],
                "targetFieldMetadata": [
                    "id": .string(link.targetFieldMetadataId), "name": targetField.map { .string($0.name) } ?? .null,
                ],
            ]
        }
        return .object(members)
    }

    private func summary(_ object: ObjectModel) -> JSONValue {
        [
            "id": .string(object.metadata.id), "nameSingular": .string(object.metadata.nameSingular),
            "namePlural": .string(object.metadata.namePlural),
        ]
    }

    // MARK: Helpers shared by the metadata changes

    static func checkName(_ name: String, what: String) throws {
        if let problem = MetadataName.problem(with: name) {
            throw SandboxError.badRequest(
                problem == .reserved ? "The name is not available" : "Invalid \(what) name '\(name)': \(problem)")
        }
    }

    /// Rewrites every record of `object` through `change` (adding, renaming or stripping a field's values).
    func rewriteRecords(_ object: ObjectModel, _ change: (inout [String: JSONValue]) -> Bool) throws {
        let table = RecordTable(database: database, object: object)
        var changed: [StoredRecord] = []
        try table.allRecords { record in
            var values = record.values
            if change(&values) { changed.append(StoredRecord(values: values, layout: record.layout)) }
        }
        for record in changed { try table.update(record) }
    }
}
