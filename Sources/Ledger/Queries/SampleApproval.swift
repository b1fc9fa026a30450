import SQLite

/// Invariant for `run`: a map is migrated in full only after a person approved a sample of it.
extension Ledger {
    /// True when a `sample.approved` names this map hash (a new map hash needs its own sample and approval).
    public func sampleApproved(mapSha256: String) throws -> Bool {
        try latestSampleApproval(mapSha256: mapSha256) != nil
    }

    /// The latest approval recorded for this map hash.
    public func latestSampleApproval(mapSha256: String) throws -> SampleApproved? {
        var latest: SampleApproved?
        try events(matching: EventFilter(type: EventType.sampleApproved.rawValue)) { stored in
            if case .sampleApproved(let approval) = try stored.decoded(), approval.mapSha256 == mapSha256 {
                latest = approval
            }
        }
        return latest
    }

    /// The `run_id` of the latest sample run completed since this map was last confirmed, while it is still the
    /// map confirmed last: a sample is "of a map" when the records it wrote were transformed under that map, and
    /// confirming another map (or this one again) asks for a new look.
    public func latestSampleRun(mapSha256: String) throws -> String? {
        try db.query(
            """
            SELECT r.run_id FROM events r
            WHERE r.type = 'run.completed' AND json_extract(r.payload, '$.command') = 'sample'
              AND r.seq > (SELECT max(c.seq) FROM events c WHERE c.type = 'map.confirmed')
              AND (SELECT json_extract(c.payload, '$.mapSha256') FROM events c WHERE c.type = 'map.confirmed'
                   ORDER BY c.seq DESC LIMIT 1) = ?
            ORDER BY r.seq DESC LIMIT 1
            """, [.text(mapSha256)]
        ) { $0.string(0) ?? "" }.first
    }

    /// Records `sample.approved` for this map, naming the latest sample of it; refused when none has run.
    @discardableResult
    public func approveSample(mapSha256: String, by: String) throws -> SampleApproved {
        guard let runId = try latestSampleRun(mapSha256: mapSha256) else {
            throw SampleNotRun(mapSha256: mapSha256)
        }
        let approval = SampleApproved(mapSha256: mapSha256, by: by, sampleRunId: runId)
        try append([.sampleApproved(approval)])
        return approval
    }
}

/// Approval asked for a map no sample has been run of.
public struct SampleNotRun: Error, CustomStringConvertible {
    public let mapSha256: String
    public var description: String {
        "no sample of map \(mapSha256.prefix(12)) has run since it was confirmed; run `crm-migrate sample` and read"
            + " reports/sample-diff.html before approving"
    }
}
