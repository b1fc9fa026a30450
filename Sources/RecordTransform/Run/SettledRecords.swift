import Ledger

/// Records whose outcome is already in the ledger for the current map, so a re-run appends nothing for them.
///
/// A record is settled when, after the `record.extracted` event holding its current values, the ledger has a
/// `record.transformed` under the same map hash, or a `record.rejected` appended by a transform run under the same
/// map hash (each transform run opens with `run.started` whose mode is `map:<sha256>`, since a rejection event does
/// not carry the hash); a rejection by a writing run leaves the record as its transform left it. A record changed
/// by a later snapshot, or any record under another map, is transformed again. A `record.excluded` event, from the
/// audit's exclusion rules or an earlier run, excludes the record for good: exclusion is decided by rules, not by
/// the map's transforms.
struct SettledRecords {
    enum Outcome { case transformed, rejected, excluded }

    let outcomes: [String: Outcome]
    /// Current source ids and the sequence number of the extraction holding their values.
    let current: [String: Int64]

    init(ledger: Ledger, object: String, mapSha256: String, runs: Set<String>) throws {
        let current = try ledger.currentExtractionSeqs(object: object)
        var outcomes: [String: Outcome] = [:]
        var ruleExcluded = Set<String>()
        try ledger.forEachRecordOutcome(object: object) { mark in
            let id = mark.sourceId
            guard !ruleExcluded.contains(id) else { return }
            switch mark.type {
            case .recordExcluded where mark.rule != TransformRun.mapSkipRule:
                ruleExcluded.insert(id)
                outcomes[id] = .excluded
            case .recordExcluded:
                outcomes[id] = runs.contains(mark.runId) ? .excluded : nil
            case .recordTransformed:
                guard let extracted = current[id], mark.seq > extracted else { return }
                outcomes[id] = mark.mapSha256 == mapSha256 ? .transformed : nil
            case .recordRejected:
                guard let extracted = current[id], mark.seq > extracted else { return }
                // A rejection by the writer (an attachment whose file is missing or differs) comes after the
                // record's transform under this map: transforming it again would make the same payload, and the
                // writer would reject it again. It stays settled as it was.
                if runs.contains(mark.runId) { outcomes[id] = .rejected }
            default:
                break
            }
        }
        self.current = current
        self.outcomes = outcomes
    }
}
