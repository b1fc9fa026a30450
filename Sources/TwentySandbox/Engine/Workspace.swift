import CanonicalJSON
import Foundation
import SQLite
import TwentyModel

/// One workspace: its database, its schema as last loaded, and the routing of exchanges to the API parts
/// (records, metadata, OpenAPI, files, sandbox controls), each in its own extension.
actor Workspace {
    let store: WorkspaceDatabase
    let options: SandboxOptions
    private(set) var version: TwentyVersion
    var schema: Schema

    /// The actor an API key writes as: Twenty puts the key's name in `createdBy`/`updatedBy` with `source: API`.
    static let caller: JSONValue = [
        "source": "API", "name": "Sandbox API key", "workspaceMemberId": .null, "context": [:],
    ]

    var database: Database { store.database }
    var batchMax: Int { options.batchMax(for: version) }

    init(directory: String, options: SandboxOptions) throws {
        store = try WorkspaceDatabase(directory: directory)
        self.options = options
        if let stored = try store.setting("twentyVersion"), let known = TwentyVersion(rawValue: stored) {
            version = known
        } else {
            version = options.twentyVersion
            try Self.seed(store, version: version, workspace: Identifier.random())
        }
        schema = try Self.loadSchema(store)
    }

    /// Writes the standard metadata of a fresh workspace and creates its record tables.
    /// `workspace` is this workspace's own id: its metadata ids derive from it, so two sandboxes differ as two
    /// Twenty workspaces do. Data directories seeded before it existed keep the ids they have.
    static func seed(_ store: WorkspaceDatabase, version: TwentyVersion, workspace: String) throws {
        try store.transaction {
            let standard = SchemaSeed.standard(version, workspace: workspace + ":")
            try store.setSetting("workspaceId", workspace)
            for object in standard.objects { try store.save(object) }
            for field in standard.fields { try store.save(field) }
            try store.setSetting("twentyVersion", version.rawValue)
            for object in try loadSchema(store).objects {
                try RecordTable(database: store.database, object: object).ensure()
            }
        }
    }

    static func loadSchema(_ store: WorkspaceDatabase) throws -> Schema {
        let fields = Dictionary(grouping: try store.loadFields(), by: \.objectMetadataId)
        return Schema(objects: try store.loadObjects().map { ObjectModel(metadata: $0, fields: fields[$0.id] ?? []) })
    }

    func reloadSchema() throws { schema = try Self.loadSchema(store) }

    /// Starts over with a fresh workspace of the configured version (`POST /_sandbox/reset`).
    func reset() throws {
        // The same workspace, emptied: it keeps its id, so its metadata ids and fresh digest are those it had.
        let workspace = try store.setting("workspaceId") ?? Identifier.random()
        try store.transaction { try store.dropEverything() }
        version = options.twentyVersion
        try Self.seed(store, version: version, workspace: workspace)
        try reloadSchema()
    }

    func handle(_ request: SandboxRequest) -> SandboxResponse {
        do {
            return try route(request)
        } catch let error as SandboxError {
            return error.response
        } catch let error as JSONParser.Failure {
            return SandboxError.badRequest("Invalid JSON body: \(error)").response
        } catch {
            // Anything else is a sandbox defect; the schema may be stale after a rolled-back metadata change.
            try? reloadSchema()
            return SandboxError(status: 500, message: "Sandbox internal error: \(error)").response
        }
    }

    private func route(_ request: SandboxRequest) throws -> SandboxResponse {
        let segments = request.path.split(separator: "/").map(String.init)
        switch segments.first {
        case "rest":
            let rest = Array(segments.dropFirst())
            if rest.first == "metadata" { return try metadata(request, Array(rest.dropFirst())) }
            if rest.first == "open-api" { return try openAPI(request, Array(rest.dropFirst())) }
            return try records(request, rest)
        case "metadata" where segments.count == 1 && request.method == "POST":
            if request.headers["content-type"]?.hasPrefix("multipart/") ?? false { return try uploadFile(request) }
            return try graphQLMetadata(request)
        case "file-upload":
            return try putFileUpload(request, Array(segments.dropFirst()))
        case "file", "files":
            return try downloadFile(request, Array(segments.dropFirst()))
        case "_sandbox":
            return try control(request, Array(segments.dropFirst()))
        default:
            throw SandboxError.notFound("Cannot \(request.method) \(request.path)")
        }
    }

    func jsonBody(_ request: SandboxRequest) throws -> JSONValue {
        guard !request.body.isEmpty else { throw SandboxError.badRequest("The request body is empty") }
        if let parsed = request.parsedBody { return try parsed.get() }
        return try JSONParser.parse(request.body)
    }

    func now() -> String { Timestamp.now().iso8601 }
}
