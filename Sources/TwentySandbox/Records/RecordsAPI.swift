import CanonicalJSON
import Foundation
import SQLite

/// The REST records API: `/rest/{plural}`, `/rest/batch/{plural}`, `/rest/{plural}/{id}` and the restore routes,
/// with Twenty's wrappers (`createCompany`, `companies`, `updateCompanies`, ...) and status codes
/// (`S/engine/api/rest/core/controllers/rest-api-core.controller.ts`; TWENTY_API.md sections 1 and 10).
extension Workspace {
    func records(_ request: SandboxRequest, _ path: [String]) throws -> SandboxResponse {
        switch (request.method, path.count) {
        case ("POST", 2) where path[0] == "batch":
            return try createMany(request, try writableObject(path[1]))
        case ("PATCH", 3) where path[0] == "restore":
            return try restoreOne(try schema.recordObject(plural: path[1]), id: path[2])
        case (_, 1):
            let object = try schema.recordObject(plural: path[0])
            switch request.method {
            case "GET": return try findMany(request, object)
            case "POST": return try createOne(request, try writableObject(path[0]))
            case "PATCH", "PUT": return try updateMany(request, try writableObject(path[0]))
            case "DELETE": return try deleteMany(request, try writableObject(path[0]))
            default: break
            }
        case ("PATCH", 2) where path[1] == "restore":
            return try restoreMany(request, try writableObject(path[0]))
        case (_, 2):
            let object = try schema.recordObject(plural: path[0])
            if ["duplicates", "merge", "groupBy"].contains(path[1]) {
                throw SandboxError.badRequest("/rest/\(path[0])/\(path[1]) is not emulated by the sandbox")
            }
            guard Identifier.isUUID(path[1]) else { throw SandboxError.badRequest("Invalid UUID: \(path[1])") }
            let id = path[1].lowercased()
            switch request.method {
            case "GET": return try findOne(object, id: id)
            case "PATCH", "PUT": return try updateOne(request, try writableObject(path[0]), id: id)
            case "DELETE": return try deleteOne(request, try writableObject(path[0]), id: id)
            default: break
            }
        case ("PATCH", 3) where path[2] == "restore":
            return try restoreOne(try writableObject(path[0]), id: path[1])
        default:
            break
        }
        throw SandboxError.notFound("Cannot \(request.method) \(request.path)")
    }

    /// Workspace members exist when users accept invitations; the API refuses to write them
    /// (TWENTY_API.md section 10).
    private func writableObject(_ plural: String) throws -> ObjectModel {
        let object = try schema.recordObject(plural: plural)
        if object.isReadOnly {
            throw SandboxError.badRequest(
                "Permission denied: \(object.metadata.namePlural) cannot be written through the API (members join by invitation)"
            )
        }
        return object
    }

    /// The record limit the sandbox plays, if any (`--record-quota`).
    var recordQuota: RecordQuota? { options.recordQuota.map(RecordQuota.init(limit:)) }

    func writer(_ object: ObjectModel, seeding: Bool = false) throws -> RecordWriter {
        try RecordWriter(
            database: database, schema: schema, object: object, now: now(), caller: Self.caller, isSeeding: seeding)
    }

    // MARK: Create

    private func createOne(_ request: SandboxRequest, _ object: ObjectModel) throws -> SandboxResponse {
        let body = try jsonBody(request)
        let upsert = request.queryValue("upsert") == "true"
        let record = try store.transaction {
            var writer = try writer(object)
            let (record, outcome) = try writer.create(body, upsert: upsert)
            try recordQuota?.check(created: outcome == .created ? 1 : 0, schema: schema, database)
            return record
        }
        let envelope = RecordEnvelope.single(
            key: "create" + object.name.capitalizedFirst, record: record.canonicalBytes)
        return .json(201, bytes: envelope.finish(), recordsWritten: 1)
    }

    private func createMany(_ request: SandboxRequest, _ object: ObjectModel) throws -> SandboxResponse {
        guard case .array(let items) = try jsonBody(request) else {
            throw SandboxError.badRequest("The body of a batch create must be a JSON array")
        }
        guard items.count <= batchMax else {
            throw SandboxError.badRequest("Maximum number of records to upsert is \(batchMax).")
        }
        let upsert = request.queryValue("upsert") == "true"
        let bodies = try store.transaction {
            var writer = try writer(object)
            var created = 0
            let bodies = try items.map { item in
                let (record, outcome) = try writer.create(item, upsert: upsert)
                if outcome == .created { created += 1 }
                return record.canonicalBytes
            }
            try recordQuota?.check(created: created, schema: schema, database)
            return bodies
        }
        let key = "create" + object.metadata.namePlural.capitalizedFirst
        return .json(201, bytes: RecordEnvelope.list(key: key, records: bodies).finish(), recordsWritten: bodies.count)
    }

    // MARK: Read

    private func findOne(_ object: ObjectModel, id: String) throws -> SandboxResponse {
        guard let record = try RecordTable(database: database, object: object).record(id: id), record.deletedAt == nil
        else { throw SandboxError.notFound() }
        return .json(200, bytes: RecordEnvelope.single(key: object.name, record: record.canonicalBytes).finish())
    }

    private func findMany(_ request: SandboxRequest, _ object: ObjectModel) throws -> SandboxResponse {
        let filter = try request.queryValue("filter").map(FilterParser.parse)
        let query = try RecordQuery(object: object, filter: filter, orderBy: request.queryValue("order_by"))
        let ids = try query.ids(database)
        let page = try Page(
            ids: ids, limit: try limit(request), after: request.queryValue("starting_after"),
            before: request.queryValue("ending_before"))
        let table = RecordTable(database: database, object: object)
        let bodies = try page.ids.map { try table.body(id: $0) ?? [] }
        var envelope = RecordEnvelope.list(key: object.metadata.namePlural, records: bodies)
        envelope.member("pageInfo", page.info)
        envelope.member("totalCount", .integer(Int64(ids.count)))
        return .json(200, bytes: envelope.finish())
    }

    /// `limit`: default 60, at most `batchMax`; a larger value is cut down silently, not refused.
    private func limit(_ request: SandboxRequest) throws -> Int {
        guard let text = request.queryValue("limit") else { return min(60, batchMax) }
        guard let value = Int(text), value >= 0 else { throw SandboxError.badRequest("Invalid limit: \(text)") }
        return min(value, batchMax)
    }

    // MARK: Update

    private func updateOne(_ request: SandboxRequest, _ object: ObjectModel, id: String) throws -> SandboxResponse {
        let body = try jsonBody(request)
        let record = try store.transaction {
            guard let existing = try RecordTable(database: database, object: object).record(id: id),
                existing.deletedAt == nil
            else { throw SandboxError.notFound() }
            var writer = try writer(object)
            return try writer.update(existing, with: body)
        }
        let key = "update" + object.name.capitalizedFirst
        return .json(
            200, bytes: RecordEnvelope.single(key: key, record: record.canonicalBytes).finish(), recordsWritten: 1)
    }

    private func updateMany(_ request: SandboxRequest, _ object: ObjectModel) throws -> SandboxResponse {
        let body = try jsonBody(request)
        let ids = try filteredIds(request, object, includeDeleted: false, verb: "update")
        let bodies = try store.transaction {
            var writer = try writer(object)
            let table = RecordTable(database: database, object: object)
            return try ids.compactMap { id -> [UInt8]? in
                guard let existing = try table.record(id: id) else { return nil }
                return try writer.update(existing, with: body).canonicalBytes
            }
        }
        let key = "update" + object.metadata.namePlural.capitalizedFirst
        return .json(200, bytes: RecordEnvelope.list(key: key, records: bodies).finish(), recordsWritten: bodies.count)
    }

    /// Ids matched by a mandatory `filter`, refused when more than `batchMax` would be touched.
    private func filteredIds(_ request: SandboxRequest, _ object: ObjectModel, includeDeleted: Bool, verb: String)
        throws -> [String]
    {
        guard let text = request.queryValue("filter"), !text.isEmpty else {
            throw SandboxError.badRequest("A filter is required to \(verb) many records")
        }
        var filter = try FilterParser.parse(text)
        if includeDeleted {
            filter = .and([filter, .condition(path: ["deletedAt"], comparator: .is, value: .text("NOT_NULL"))])
        }
        let ids = try RecordQuery(object: object, filter: filter, orderBy: nil).ids(database)
        guard ids.count <= batchMax else {
            throw SandboxError.badRequest("Cannot \(verb) more than \(batchMax) records at once")
        }
        return ids
    }

    // MARK: Delete and restore

    private func deleteOne(_ request: SandboxRequest, _ object: ObjectModel, id: String) throws -> SandboxResponse {
        let soft = request.queryValue("soft_delete") == "true"
        let written = try store.transaction {
            let table = RecordTable(database: database, object: object)
            guard let existing = try table.record(id: id), !(soft && existing.deletedAt != nil) else {
                throw SandboxError.notFound()
            }
            return soft ? try softDelete(existing, table) : try destroy(id: id, object)
        }
        let key = "delete" + object.name.capitalizedFirst
        return .json(
            200, bytes: RecordEnvelope.single(key: key, record: CanonicalJSON.bytes(["id": .string(id)])).finish(),
            recordsWritten: written)
    }

    private func deleteMany(_ request: SandboxRequest, _ object: ObjectModel) throws -> SandboxResponse {
        let soft = request.queryValue("soft_delete") == "true"
        let ids = try filteredIds(request, object, includeDeleted: false, verb: soft ? "delete" : "destroy")
        let written = try store.transaction {
            let table = RecordTable(database: database, object: object)
            var count = 0
            for id in ids {
                guard let existing = try table.record(id: id) else { continue }
                count += soft ? try softDelete(existing, table) : try destroy(id: id, object)
            }
            return count
        }
        let key = "delete" + object.metadata.namePlural.capitalizedFirst
        let bodies = ids.map { CanonicalJSON.bytes(["id": .string($0)]) }
        return .json(200, bytes: RecordEnvelope.list(key: key, records: bodies).finish(), recordsWritten: written)
    }

    private func softDelete(_ record: StoredRecord, _ table: RecordTable) throws -> Int {
        var deleted = record
        deleted["deletedAt"] = .string(now())
        try table.update(deleted)
        return 1
    }

    /// Hard delete. Records pointing at it lose the link (`SET_NULL`), or go with it when they are task/note
    /// targets or attachments (`CASCADE`), as Twenty's foreign keys do.
    func destroy(id: String, _ object: ObjectModel) throws -> Int {
        let table = RecordTable(database: database, object: object)
        guard try table.exists(id: id) else { return 0 }
        try table.delete(id: id)
        var count = 1
        for (source, field) in schema.relations(pointingAt: object) {
            let sourceTable = RecordTable(database: database, object: source)
            let column = field.storageKey!
            for dependent in try sourceTable.ids(whereJoinColumn: column, equals: id) {
                if field.relation?.onDelete == "CASCADE" {
                    count += try destroy(id: dependent, source)
                } else if var record = try sourceTable.record(id: dependent) {
                    record[column] = .null
                    try sourceTable.update(record)
                    count += 1
                }
            }
        }
        return count
    }

    private func restoreOne(_ object: ObjectModel, id rawId: String) throws -> SandboxResponse {
        guard Identifier.isUUID(rawId) else { throw SandboxError.badRequest("Invalid UUID: \(rawId)") }
        let record = try store.transaction {
            let table = RecordTable(database: database, object: object)
            guard var record = try table.record(id: rawId.lowercased()) else { throw SandboxError.notFound() }
            if record.deletedAt != nil {
                record["deletedAt"] = .null
                record["updatedAt"] = .string(now())
                try table.update(record)
            }
            return record
        }
        let key = "restore" + object.name.capitalizedFirst
        return .json(
            200, bytes: RecordEnvelope.single(key: key, record: record.canonicalBytes).finish(), recordsWritten: 1)
    }

    private func restoreMany(_ request: SandboxRequest, _ object: ObjectModel) throws -> SandboxResponse {
        let ids = try filteredIds(request, object, includeDeleted: true, verb: "restore")
        let bodies = try store.transaction {
            let table = RecordTable(database: database, object: object)
            return try ids.compactMap { id -> [UInt8]? in
                guard var record = try table.record(id: id) else { return nil }
                record["deletedAt"] = .null
                record["updatedAt"] = .string(now())
                try table.update(record)
                return record.canonicalBytes
            }
        }
        let key = "restore" + object.metadata.namePlural.capitalizedFirst
        return .json(200, bytes: RecordEnvelope.list(key: key, records: bodies).finish(), recordsWritten: bodies.count)
    }
}
