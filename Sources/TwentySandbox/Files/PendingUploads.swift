import SQLite

/// Uploads announced by `createFileUpload` and not yet completed: what was promised (name, size, content type,
/// expiry) and, once the client has PUT them, the bytes. Completing one moves it into `FileStore`.
struct PendingUploads {
    let database: Database

    struct Upload {
        let id: String
        let fieldMetadataId: String?
        let name: String
        let contentType: String
        let size: Int
        /// Seconds since 1970, when the upload URL stops accepting bytes.
        let expiresAt: Int
        var bytes: [UInt8]?
    }

    func insert(_ upload: Upload) throws {
        try database.run(
            """
            INSERT INTO sandbox_file_uploads(id, field_metadata_id, name, content_type, size, expires_at)
            VALUES(?, ?, ?, ?, ?, ?)
            """,
            [
                .text(upload.id), upload.fieldMetadataId.map { .text($0) } ?? .null, .text(upload.name),
                .text(upload.contentType), .integer(Int64(upload.size)), .integer(Int64(upload.expiresAt)),
            ])
    }

    func upload(id: String) throws -> Upload? {
        try database.query(
            """
            SELECT id, field_metadata_id, name, content_type, size, expires_at, bytes FROM sandbox_file_uploads
            WHERE id = ?
            """,
            [.text(id.lowercased())]
        ) { row in
            Upload(
                id: row.string(0) ?? "", fieldMetadataId: row.string(1), name: row.string(2) ?? "",
                contentType: row.string(3) ?? "", size: Int(row.int(4)), expiresAt: Int(row.int(5)),
                bytes: row.isNull(6) ? nil : Array(row.bytes(6)))
        }.first
    }

    func storeBytes(_ bytes: [UInt8], id: String) throws {
        let statement = try database.cached("UPDATE sandbox_file_uploads SET bytes = ? WHERE id = ?")
        statement.reset()
        try bytes.withUnsafeBytes { try statement.bindBlob(1, $0) }
        try statement.bind(2, id.lowercased())
        while try statement.step() {}
        statement.reset()
    }

    func remove(id: String) throws {
        try database.run("DELETE FROM sandbox_file_uploads WHERE id = ?", [.text(id.lowercased())])
    }
}
