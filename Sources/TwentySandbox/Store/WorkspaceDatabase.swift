import CanonicalJSON
import Foundation
import SQLite

/// The SQLite file behind one sandbox workspace: metadata tables, one record table per object, uploaded files.
///
/// Record bodies are stored as canonical JSON text (every field, the API's shape), so a read hands the bytes out
/// as they are; uniqueness and relation lookups go through expression indexes on `json_extract`.
/// WAL with `synchronous=NORMAL`: a sandbox may lose the last transactions on a power cut (never on a process
/// crash) and that is worth the several-fold faster commits that the benchmark of batch creates needs.
/// Checkpoints run in the background (`WALCheckpointer`); the writer's own, at 10,000 log pages (40 MiB) instead
/// of 1,000, is only the backstop that lets the log start over.
final class WorkspaceDatabase {
    let database: Database
    private let checkpointer: WALCheckpointer
    static let fileName = "sandbox.sqlite"

    init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        database = try Database(path: path)
        database.setBusyTimeout(milliseconds: 5000)
        try database.execute(
            """
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=NORMAL;
            PRAGMA wal_autocheckpoint=10000;
            PRAGMA foreign_keys=OFF;
            CREATE TABLE IF NOT EXISTS sandbox_settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS sandbox_objects(id TEXT PRIMARY KEY, body TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS sandbox_fields(
                id TEXT PRIMARY KEY, object_id TEXT NOT NULL, name TEXT NOT NULL, body TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS sandbox_fields_by_object ON sandbox_fields(object_id, name);
            CREATE TABLE IF NOT EXISTS sandbox_files(
                id TEXT PRIMARY KEY, field_metadata_id TEXT, name TEXT NOT NULL, mime_type TEXT NOT NULL,
                size INTEGER NOT NULL, sha256 TEXT NOT NULL, created_at TEXT NOT NULL, bytes BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS sandbox_file_uploads(
                id TEXT PRIMARY KEY, field_metadata_id TEXT, name TEXT NOT NULL, content_type TEXT NOT NULL,
                size INTEGER NOT NULL, expires_at INTEGER NOT NULL, bytes BLOB);
            """)
        checkpointer = WALCheckpointer(path: path)
    }

    deinit { checkpointer.stop() }

    func transaction<T>(_ body: () throws -> T) throws -> T {
        let result = try database.transaction(body)
        checkpointer.noteCommit()
        return result
    }

    // MARK: Settings

    func setting(_ key: String) throws -> String? {
        try database.scalar("SELECT value FROM sandbox_settings WHERE key = ?", [.text(key)]).flatMap {
            if case .text(let v) = $0 { return v }
            return nil
        }
    }

    func setSetting(_ key: String, _ value: String) throws {
        try database.run(
            "INSERT INTO sandbox_settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [.text(key), .text(value)])
    }

    // MARK: Metadata rows

    func loadObjects() throws -> [ObjectMetadata] {
        try database.query("SELECT body FROM sandbox_objects ORDER BY id") { row in
            try JSONValueDecoder().decode(ObjectMetadata.self, from: Array(row.bytes(0)))
        }
    }

    func loadFields() throws -> [FieldMetadata] {
        try database.query("SELECT body FROM sandbox_fields ORDER BY object_id, name") { row in
            try JSONValueDecoder().decode(FieldMetadata.self, from: Array(row.bytes(0)))
        }
    }

    func save(_ object: ObjectMetadata) throws {
        let body = String(decoding: try CanonicalJSONEncoder().encode(object), as: UTF8.self)
        try database.run(
            "INSERT INTO sandbox_objects(id, body) VALUES(?, ?) ON CONFLICT(id) DO UPDATE SET body = excluded.body",
            [.text(object.id), .text(body)])
    }

    func save(_ field: FieldMetadata) throws {
        let body = String(decoding: try CanonicalJSONEncoder().encode(field), as: UTF8.self)
        try database.run(
            """
            INSERT INTO sandbox_fields(id, object_id, name, body) VALUES(?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, body = excluded.body
            """, [.text(field.id), .text(field.objectMetadataId), .text(field.name), .text(body)])
    }

    func deleteObjectRow(_ id: String) throws {
        try database.run("DELETE FROM sandbox_objects WHERE id = ?", [.text(id)])
        try database.run("DELETE FROM sandbox_fields WHERE object_id = ?", [.text(id)])
    }

    func deleteFieldRow(_ id: String) throws {
        try database.run("DELETE FROM sandbox_fields WHERE id = ?", [.text(id)])
    }

    /// Drops every table the sandbox made, for `/_sandbox/reset`.
    func dropEverything() throws {
        let tables = try database.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'records_%'")
        {
            $0.string(0) ?? ""
        }
        for table in tables { try database.execute("DROP TABLE IF EXISTS \"\(table)\"") }
        try database.execute(
            "DELETE FROM sandbox_objects; DELETE FROM sandbox_fields; DELETE FROM sandbox_files; DELETE FROM sandbox_file_uploads; DELETE FROM sandbox_settings;"
        )
    }
}
