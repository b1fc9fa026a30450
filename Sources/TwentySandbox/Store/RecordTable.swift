import CanonicalJSON
import SQLite

/// The records of one object: `(id, position, deleted_at, body)`, with an index per unique field and per
/// relation join column.
///
/// `position` and `deleted_at` are copied out of the body into real columns so "place first" and the
/// soft-delete filter need no JSON; unique values live in expression indexes over `nullif(json_extract(...),'')`,
/// so an empty email or domain never collides (Twenty's unique indexes skip empty values too).
struct RecordTable {
    let database: Database
    let object: ObjectModel

    var table: String { object.table }
    var quoted: String { "\"\(table)\"" }

    /// Creates the table and the indexes the object's fields need; run again after a field is added.
    func ensure() throws {
        try database.execute(
            """
            CREATE TABLE IF NOT EXISTS \(quoted)(
                id TEXT PRIMARY KEY, position REAL, deleted_at TEXT, body TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS "\(table)_position" ON \(quoted)(position);
            """)
        for field in object.uniqueFields {
            try database.execute(
                "CREATE UNIQUE INDEX IF NOT EXISTS \"\(Self.uniqueIndexName(field))\" ON \(quoted)(\(Self.uniqueExpression(field)))"
            )
        }
        for field in object.fieldsByJoinColumn.values {
            try database.execute(
                "CREATE INDEX IF NOT EXISTS \"j_\(field.id.replacingOccurrences(of: "-", with: ""))\" ON \(quoted)(\(Self.jsonPath(field.storageKey!)))"
            )
        }
    }

    func drop() throws { try database.execute("DROP TABLE IF EXISTS \(quoted)") }

    func dropUniqueIndex(_ field: FieldMetadata) throws {
        try database.execute("DROP INDEX IF EXISTS \"\(Self.uniqueIndexName(field))\"")
    }

    static func uniqueIndexName(_ field: FieldMetadata) -> String {
        "u_" + field.id.replacingOccurrences(of: "-", with: "")
    }

    static func uniqueExpression(_ field: FieldMetadata) -> String {
        "nullif(\(jsonPath(field.uniquePath!)), '')"
    }

    /// `json_extract(body, '$.emails.primaryEmail')`; names are checked camelCase, so they need no quoting.
    static func jsonPath(_ path: String) -> String { "json_extract(body, '$.\(path)')" }

    // MARK: Reads

    func body(id: String) throws -> [UInt8]? {
        let statement = try database.cached("SELECT body FROM \(quoted) WHERE id = ?")
        try statement.start([.text(id)])
        defer { statement.reset() }
        guard try statement.step() else { return nil }
        return Array(statement.row.bytes(0))
    }

    func record(id: String) throws -> StoredRecord? {
        try body(id: id).map { try StoredRecord(bytes: $0, layout: object.layout) }
    }

    func exists(id: String) throws -> Bool {
        let statement = try database.cached("SELECT 1 FROM \(quoted) WHERE id = ?")
        try statement.start([.text(id)])
        defer { statement.reset() }
        return try statement.step()
    }

    /// The id of the record holding `value` in a unique field, soft-deleted rows included.
    func id(withUnique field: FieldMetadata, equalTo value: SQLValue) throws -> String? {
        let statement = try database.cached("SELECT id FROM \(quoted) WHERE \(Self.uniqueExpression(field)) = ?")
        try statement.start([value])
        defer { statement.reset() }
        guard try statement.step() else { return nil }
        return statement.row.string(0)
    }

    func ids(whereJoinColumn column: String, equals id: String) throws -> [String] {
        try database.query(sql: "SELECT id FROM \(quoted) WHERE \(Self.jsonPath(column)) = ?", [.text(id)]) {
            $0.string(0) ?? ""
        }
    }

    /// Two queries on purpose: SQLite answers a lone `min()` or `max()` from the index in one step, but scans the
    /// whole table when both are asked at once.
    func positionBounds() throws -> (min: Double, max: Double)? {
        func bound(_ sql: String) throws -> Double? {
            let statement = try database.cached(sql)
            try statement.start()
            defer { statement.reset() }
            guard try statement.step(), !statement.row.isNull(0) else { return nil }
            return statement.row.double(0)
        }
        guard let lowest = try bound("SELECT min(position) FROM \(quoted)"),
            let highest = try bound("SELECT max(position) FROM \(quoted)")
        else { return nil }
        return (lowest, highest)
    }

    func allRecords(_ body: (StoredRecord) throws -> Void) throws {
        let rows = try database.query(sql: "SELECT body FROM \(quoted) ORDER BY id") { Array($0.bytes(0)) }
        for bytes in rows { try body(try StoredRecord(bytes: bytes, layout: object.layout)) }
    }

    func count() throws -> Int {
        if case .integer(let n)? = try database.scalar(sql: "SELECT count(*) FROM \(quoted)") { return Int(n) }
        return 0
    }

    // MARK: Writes

    /// The error for a second record with the same id, whether found before the insert or by the primary key.
    static func duplicateId(_ id: String, in object: ObjectModel) -> SandboxError {
        SandboxError.duplicate("a record with id \(id) already exists in \(object.name)")
    }

    /// Stores the record; its canonical bytes are computed once here and kept on it for the response.
    func insert(_ record: inout StoredRecord) throws {
        let statement = try database.cached("INSERT INTO \(quoted)(id, position, deleted_at, body) VALUES(?, ?, ?, ?)")
        try write(&record, statement)
    }

    func update(_ record: inout StoredRecord) throws {
        let statement = try database.cached(
            "UPDATE \(quoted) SET position = ?2, deleted_at = ?3, body = ?4 WHERE id = ?1")
        try write(&record, statement)
    }

    func update(_ record: StoredRecord) throws {
        var copy = record
        try update(&copy)
    }

    func delete(id: String) throws {
        try database.cached("DELETE FROM \(quoted) WHERE id = ?").execute([.text(id)])
    }

    private func write(_ record: inout StoredRecord, _ statement: Statement) throws {
        statement.reset()
        try statement.bind(1, record.id)
        if let position = record.position { try statement.bind(2, position) } else { try statement.bindNull(2) }
        try statement.bind(3, record.deletedAt)
        let bytes = record.canonicalBytes
        record.cachedBytes = bytes
        try bytes.withUnsafeBytes { try statement.bindText(4, $0) }
        do {
            while try statement.step() {}
            statement.reset()
        } catch let error as SQLiteError {
            throw translate(error, id: record.id)
        }
    }

    /// A unique index violation becomes Twenty's 400 duplicate-entry error, naming the field.
    private func translate(_ error: SQLiteError, id: String) -> Error {
        guard error.code == 19 else { return error }  // SQLITE_CONSTRAINT
        if let field = object.uniqueFields.first(where: { error.message.contains(Self.uniqueIndexName($0)) }) {
            return SandboxError.duplicate("unique constraint \(object.name).\(field.name) was violated")
        }
        if error.message.contains(".id") {
            return Self.duplicateId(id, in: object)
        }
        return SandboxError.badRequest("A constraint was violated: \(error.message)")
    }
}
