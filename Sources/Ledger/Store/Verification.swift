import SQLite

/// The outcome of recomputing the hash chain.
public struct VerificationReport: Sendable {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The first sequence number at which the ledger is not what its chain says.
        public let seq: Int64
        public let reason: String
        public var description: String { "event \(seq): \(reason)" }
    }

    public let eventsChecked: Int64
    public let head: Ledger.Head
    /// The first problem found, or nil when the chain is intact.
    public let problem: Problem?
    public var isIntact: Bool { problem == nil }
}

extension Ledger {
    /// Recomputes every event's hash from its columns and its predecessor's hash, checks that sequence numbers
    /// run 1, 2, 3 without gaps, and that no projection claims to have folded events that are no longer there
    /// (a truncated tail). Stops at the first problem.
    public func verify() throws -> VerificationReport {
        try db.readTransaction {
            var expectedSeq: Int64 = 1
            var previousHash = EventHash.genesisBytes
            var envelope: [UInt8] = []
            envelope.reserveCapacity(1024)
            var computed: [UInt8] = []
            computed.reserveCapacity(64)
            var problem: VerificationReport.Problem?
            let read = try db.prepare(
                """
                SELECT seq, recorded_at, run_id, type, object, source_id, twenty_id, payload, prev_hash, hash
                FROM events ORDER BY seq
                """)
            try read.start()
            let row = read.row
            while problem == nil, try read.step() {
                let seq = row.int(0)
                if seq != expectedSeq {
                    let reason =
                        seq > expectedSeq
                        ? "missing: the ledger jumps from event \(expectedSeq - 1) to event \(seq)"
                        : "out of order: event \(seq) follows event \(expectedSeq - 1)"
                    problem = .init(seq: expectedSeq, reason: reason)
                    break
                }
                let storedPrev = row.bytes(8)
                if !storedPrev.elementsEqual(previousHash) {
                    problem = .init(seq: seq, reason: "its prev_hash does not match the hash of event \(seq - 1)")
                    break
                }
                EventHash.envelope(
                    seq: seq, recordedAt: row.bytes(1), runId: row.bytes(2), type: row.bytes(3),
                    object: row.isNull(4) ? nil : row.bytes(4), sourceId: row.isNull(5) ? nil : row.bytes(5),
                    twentyId: row.isNull(6) ? nil : row.bytes(6), payload: row.bytes(7), into: &envelope)
                EventHash.hash(prevHash: storedPrev, envelope: envelope, into: &computed)
                let storedHash = row.bytes(9)
                if !storedHash.elementsEqual(computed) {
                    problem = .init(
                        seq: seq, reason: "its content does not match its hash (changed, reordered or forged)")
                    break
                }
                previousHash.removeAll(keepingCapacity: true)
                previousHash.append(contentsOf: storedHash)
                expectedSeq += 1
            }
            read.reset()
            let checked = expectedSeq - 1
            let lastHash = String(decoding: previousHash, as: UTF8.self)
            if problem == nil {
                let folded = try db.scalar("SELECT max(last_seq) FROM projection_cursors")
                if case .integer(let foldedUpTo)? = folded, foldedUpTo > checked {
                    problem = .init(
                        seq: checked + 1,
                        reason: "missing: projections have folded events up to \(foldedUpTo) but the ledger ends at"
                            + " \(checked)")
                }
            }
            return VerificationReport(
                eventsChecked: checked, head: Head(seq: checked, hash: lastHash), problem: problem)
        }
    }
}
