import CanonicalJSON
import TwentyModel

/// `GET /rest/open-api/core`: an OpenAPI 3 description of the workspace's records API, one set of paths per
/// active object and a component schema per object (`S/engine/core-modules/open-api/open-api.service.ts` and
/// `utils/parameters.utils.ts`, where `limit` carries `maximum: QUERY_MAX_RECORDS` and `default:
/// QUERY_DEFAULT_LIMIT_RECORDS`, which clients read to size their batches).
extension Workspace {
    func openAPI(_ request: SandboxRequest, _ path: [String]) throws -> SandboxResponse {
        guard request.method == "GET", path == ["core"] else {
            throw SandboxError.notFound("Cannot \(request.method) \(request.path)")
        }
        var paths: [String: JSONValue] = [:]
        var schemas: [String: JSONValue] = [:]
        for object in schema.objects where object.metadata.isActive {
            let plural = object.metadata.namePlural
            let typeName = object.name.capitalizedFirst
            let reference: JSONValue = ["$ref": .string("#/components/schemas/\(typeName)")]
            let idParameter: JSONValue = [
                "name": "id", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"],
            ]
            paths["/\(plural)"] = [
                "get": operation("Find many \(plural)", parameters: listParameters, response: reference),
                "post": operation(
                    "Create one \(object.name)", parameters: [upsertParameter], body: reference, response: reference),
            ]
            paths["/batch/\(plural)"] = [
                "post": operation(
                    "Create many \(plural)", parameters: [upsertParameter],
                    body: ["type": "array", "items": reference],
                    response: reference)
            ]
            paths["/\(plural)/{id}"] = [
                "get": operation("Find one \(object.name)", parameters: [idParameter], response: reference),
                "patch": operation(
                    "Update one \(object.name)", parameters: [idParameter], body: reference, response: reference),
                "delete": operation(
                    "Delete one \(object.name)",
                    parameters: [idParameter, ["name": "soft_delete", "in": "query", "schema": ["type": "boolean"]]],
                    response: reference),
            ]
            schemas[typeName] = componentSchema(object)
        }
        let document: JSONValue = [
            "openapi": "3.0.3",
            "info": ["title": "Twenty sandbox core API", "version": .string(version.rawValue)],
            "servers": [["url": "/rest"]],
            "paths": .object(paths),
            "components": [
                "schemas": .object(schemas),
                "securitySchemes": ["bearerAuth": ["type": "http", "scheme": "bearer", "bearerFormat": "JWT"]],
            ],
            "security": [["bearerAuth": []]],
        ]
        return .json(200, document)
    }

    private var listParameters: [JSONValue] {
        [
            [
                "name": "limit", "in": "query",
                "description": .string("Limits the number of objects returned (at most \(batchMax))."),
                "schema": ["type": "integer", "minimum": 0, "maximum": .integer(Int64(batchMax)), "default": 60],
            ],
            ["name": "order_by", "in": "query", "schema": ["type": "string"]],
            ["name": "filter", "in": "query", "schema": ["type": "string"]],
            ["name": "starting_after", "in": "query", "schema": ["type": "string"]],
            ["name": "ending_before", "in": "query", "schema": ["type": "string"]],
            ["name": "depth", "in": "query", "schema": ["type": "integer", "enum": [0, 1], "default": 0]],
        ]
    }

    private var upsertParameter: JSONValue {
        ["name": "upsert", "in": "query", "schema": ["type": "boolean", "default": false]]
    }

    private func operation(_ summary: String, parameters: [JSONValue], body: JSONValue? = nil, response: JSONValue)
        -> JSONValue
    {
        var members: [String: JSONValue] = [
            "summary": .string(summary), "parameters": .array(parameters),
            "responses": [
                "200": ["description": "Successful operation", "content": ["application/json": ["schema": response]]],
                "400": ["description": "Bad request"],
            ],
        ]
        if let body { members["requestBody"] = ["required": true, "content": ["application/json": ["schema": body]]] }
        return .object(members)
    }

    private func componentSchema(_ object: ObjectModel) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        var required: [JSONValue] = []
        for field in object.fields where field.isActive && field.type != .tsVector {
            guard let key = field.storageKey else { continue }
            properties[key] = propertySchema(field)
            if !field.isNullable && field.defaultValue == nil && !field.isSystem { required.append(.string(key)) }
        }
        return ["type": "object", "properties": .object(properties), "required": .array(required)]
    }

    private func propertySchema(_ field: FieldMetadata) -> JSONValue {
        switch field.type {
        case .uuid, .relation: return ["type": "string", "format": "uuid"]
        case .number, .numeric, .position: return ["type": "number"]
        case .boolean: return ["type": "boolean"]
        case .date: return ["type": "string", "format": "date"]
        case .dateTime: return ["type": "string", "format": "date-time"]
        case .select: return ["type": "string", "enum": .array((field.options ?? []).map { .string($0.value) })]
        case .multiSelect:
            return [
                "type": "array",
                "items": ["type": "string", "enum": .array((field.options ?? []).map { .string($0.value) })],
            ]
        case .array: return ["type": "array", "items": ["type": "string"]]
        case .rawJSON: return ["type": "object"]
        case .files:
            return [
                "type": "array",
                "items": [
                    "type": "object", "properties": ["fileId": ["type": "string"], "label": ["type": "string"]],
                ],
            ]
        default:
            guard field.type.isComposite else { return ["type": "string"] }
            var properties: [String: JSONValue] = [:]
            for sub in field.type.subfields {
                properties[sub.name] =
                    sub.storage == .number || sub.storage == .numeric
                    ? ["type": "number"]
                    : sub.storage == .rawJSON ? [:] : ["type": "string"]
            }
            return ["type": "object", "properties": .object(properties)]
        }
    }
}
