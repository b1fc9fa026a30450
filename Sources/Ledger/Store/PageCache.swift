import SQLite

extension Ledger {
    /// The handle's page cache limit, in KiB.
    public var pageCacheKibibytes: Int {
        get throws {
            // SQLite answers a limit set in KiB as a negative number, one set in pages as a positive one.
            let setting = try cacheSizeSetting
            guard setting > 0 else { return Int(-setting) }
            guard case .integer(let pageSize)? = try db.scalar("PRAGMA page_size") else { return 0 }
            return Int(setting * pageSize / 1024)
        }
    }

    private var cacheSizeSetting: Int64 {
        get throws {
            guard case .integer(let setting)? = try db.scalar("PRAGMA cache_size") else { return 0 }
            return setting
        }
    }

    /// Runs `body` with the page cache limited to `kibibytes`, then gives back the limit the handle had.
    ///
    /// For a pass that streams the whole ledger, as the audit does: it reads each leaf page once, so a cache as
    /// large as the writer's (64 MiB, kept for the index pages every append dirties again) holds little it reads
    /// twice, yet fills and counts in the process's resident memory. SQLite frees the pages over a new limit at once.
    public func withPageCache<Result>(kibibytes: Int, _ body: () throws -> Result) throws -> Result {
        let earlier = try cacheSizeSetting
        try db.execute("PRAGMA cache_size = -\(max(kibibytes, 1))")
        defer { try? db.execute("PRAGMA cache_size = \(earlier)") }
        return try body()
    }
}
