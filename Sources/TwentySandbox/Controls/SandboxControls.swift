import CanonicalJSON

/// Test controls under `/_sandbox/` (the server checks the sandbox key before they reach the engine):
/// members, seed, state, digest, content-digest, record-state, record-digest, reset. They belong to no Twenty API.
extension Workspace {
    func control(_ request: SandboxRequest, _ path: [String]) throws -> SandboxResponse {
        switch (request.method, path.first ?? "") {
        case ("POST", "members"): return try addMembers(request)
        case ("POST", "seed"): return try seedRecords(request)
        case ("GET", "state"): return .json(200, bytes: try stateBytes())
        case ("GET", "digest"): return .json(200, ["digest": .string(Identifier.sha256Hex(try stateBytes()))])
        case ("GET", "content-digest"): return try contentDigest()
        case ("GET", "record-state"):
            let (compared, unreferenced) = try recordState(request)
            var state = compared.objectValue ?? [:]
            state["unreferencedFiles"] = .integer(Int64(unreferenced))
            return .json(200, .object(state))
        case ("GET", "record-digest"):
            let (compared, unreferenced) = try recordState(request)
            return .json(
                200,
                [
                    "digest": .string(Identifier.sha256Hex(CanonicalJSON.bytes(compared))),
                    "unreferencedFiles": .integer(Int64(unreferenced)),
                ])
        case ("POST", "reset"):
            try reset()
            return .json(200, ["reset": true])
        default: throw SandboxError.notFound("Cannot \(request.method) \(request.path)")
        }
    }

    /// `POST /_sandbox/members` with `[{"name": "Ada Lovelace" | {firstName, lastName}, "userEmail": ...}]` (or
    /// `{"members": [...]}`): adds workspace members as accepted invitations would, and returns them with ids.
    private func addMembers(_ request: SandboxRequest) throws -> SandboxResponse {
        let body = try jsonBody(request)
        guard case .array(let items) = body["members"] ?? body else {
            throw SandboxError.badRequest("Send a JSON array of members, or {\"members\": [...]}")
        }
        guard let object = schema.object(singular: "workspaceMember") else { throw SandboxError.notFound("No members") }
        let bodies = try store.transaction {
            var writer = try writer(object, seeding: true)
            return try items.map { item -> [UInt8] in
                guard case .object(var member) = item else {
                    throw SandboxError.badRequest("Each member must be an object")
                }
                if case .string(let full)? = member["name"] {
                    let parts = full.split(separator: " ", maxSplits: 1).map(String.init)
                    member["name"] = [
                        "firstName": .string(parts.first ?? ""), "lastName": .string(parts.count > 1 ? parts[1] : ""),
                    ]
                }
                if case .string(let email)? = member["userEmail"] { member["userEmail"] = .string(email.lowercased()) }
                if member["userId"] == nil { member["userId"] = .string(Identifier.random()) }
                return try writer.create(.object(member), upsert: false).0.canonicalBytes
            }
        }
        return .json(
            201, bytes: RecordEnvelope.list(key: "workspaceMembers", records: bodies).finish(),
            recordsWritten: bodies.count)
    }

    /// `POST /_sandbox/seed` with `{"companies": [...], "people": [...]}` (plural or singular names): records that
    /// already exist in the workspace, written with the API's checks but without its batch limit, and with
    /// `deletedAt`, `createdAt` and `createdBy` taken as sent, so soft-deleted rows can be planted.
    private func seedRecords(_ request: SandboxRequest) throws -> SandboxResponse {
        guard case .object(let groups) = try jsonBody(request) else {
            throw SandboxError.badRequest("Send {\"<object plural>\": [records...]}")
        }
        var counts: [String: JSONValue] = [:]
        var total = 0
        try store.transaction {
            for (name, value) in groups.sorted(by: { $0.key < $1.key }) {
                guard let object = schema.object(plural: name) ?? schema.object(singular: name) else {
                    throw SandboxError.badRequest("object '\(name)' not found")
                }
                guard case .array(let items) = value else { throw SandboxError.badRequest("\(name) must be an array") }
                var writer = try writer(object, seeding: true)
                for item in items {
                    let (record, _) = try writer.create(item, upsert: false)
                    if case .string(let deletedAt)? = item["deletedAt"] {
                        var deleted = record
                        deleted["deletedAt"] = .string(Timestamp.parse(deletedAt)?.iso8601 ?? deletedAt)
                        try RecordTable(database: database, object: object).update(deleted)
                    }
                }
                counts[object.metadata.namePlural] = .integer(Int64(items.count))
                total += items.count
            }
        }
        return .json(201, ["seeded": .object(counts)], recordsWritten: total)
    }
}
