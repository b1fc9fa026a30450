import SQLite

/// Uploaded file bytes, kept in the workspace file so a restart keeps them and the state can hash them.
struct FileStore {
    let database: Database

    struct StoredFile {
        let id: String
        let fieldMetadataId: String?
        let name: String
        let mimeType: String
        let size: Int
        let sha256: String
        let createdAt: String
    }

    func exists(id: String) throws -> Bool {
        try database.scalar("SELECT 1 FROM sandbox_files WHERE id = ?", [.text(id.lowercased())]) != nil
    }

    func insert(_ file: StoredFile, bytes: [UInt8]) throws {
        let statement = try database.cached(
            """
            INSERT INTO sandbox_files(id, field_metadata_id, name, mime_type, size, sha256, created_at, bytes)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?)
            """)
        statement.reset()
        try statement.bind(1, file.id)
        try statement.bind(2, file.fieldMetadataId)
        try statement.bind(3, file.name)
        try statement.bind(4, file.mimeType)
        try statement.bind(5, file.size)
        try statement.bind(6, file.sha256)
        try statement.bind(7, file.createdAt)
        try bytes.withUnsafeBytes { try statement.bindBlob(8, $0) }
        while try statement.step() {}
        statement.reset()
    }

    func content(id: String) throws -> (StoredFile, [UInt8])? {
        try database.query(
            "SELECT id, field_metadata_id, name, mime_type, size, sha256, created_at, bytes FROM sandbox_files WHERE id = ?",
            [.text(id.lowercased())]
        ) { row in
            (Self.file(row), Array(row.bytes(7)))
        }.first
    }

    func all() throws -> [StoredFile] {
        try database.query(
            "SELECT id, field_metadata_id, name, mime_type, size, sha256, created_at FROM sandbox_files ORDER BY id"
        ) { Self.file($0) }
    }

    private static func file(_ row: Row) -> StoredFile {
        StoredFile(
            id: row.string(0) ?? "", fieldMetadataId: row.string(1), name: row.string(2) ?? "",
            mimeType: row.string(3) ?? "", size: Int(row.int(4)), sha256: row.string(5) ?? "",
            createdAt: row.string(6) ?? "")
    }
}
