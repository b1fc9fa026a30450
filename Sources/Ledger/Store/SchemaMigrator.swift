import CanonicalJSON
import SQLite

/// Applies the ordered, named migrations in `Ledger/migrations/` that a ledger has not seen yet.
///
/// As with GRDB's `DatabaseMigrator`: a released migration is never edited, each runs once in its own
/// transaction, and its name is recorded, so a ledger written by an earlier version opens and is brought forward.
enum SchemaMigrator {
    static let migrations = LedgerFiles.migrations

    static func ensureBookkeeping(_ db: Database) throws {
        try db.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                name       TEXT PRIMARY KEY,
                applied_at TEXT NOT NULL
            ) WITHOUT ROWID
            """)
    }

    /// Names of migrations this ledger already has, in order.
    static func applied(_ db: Database) throws -> [String] {
        let exists = try db.scalar(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
        guard exists == .integer(1) else { return [] }
        return try db.query("SELECT name FROM schema_migrations ORDER BY name") { $0.string(0) ?? "" }
    }

    /// Migrations this binary knows and the ledger does not have yet.
    static func pending(_ db: Database, path: String) throws -> [(name: String, sql: String)] {
        let done = try applied(db)
        let known = Set(migrations.map(\.name))
        if let unknown = done.first(where: { !known.contains($0) }) {
            throw LedgerError.newerSchema(path: path, unknownMigration: unknown)
        }
        let doneSet = Set(done)
        return migrations.filter { !doneSet.contains($0.name) }
    }

    /// Applies every pending migration; returns the names applied.
    @discardableResult
    static func migrate(_ db: Database, path: String) throws -> [String] {
        try ensureBookkeeping(db)
        var appliedNow: [String] = []
        for migration in try pending(db, path: path) {
            do {
                try db.transaction {
                    try db.execute(migration.sql)
                    try db.run(
                        "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                        [.text(migration.name), .text(LedgerClock.now())])
                }
            } catch let error as SQLiteError {
                throw LedgerError.migrationFailed(name: migration.name, underlying: error)
            }
            appliedNow.append(migration.name)
        }
        return appliedNow
    }
}
