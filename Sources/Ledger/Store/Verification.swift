import CanonicalJSON
import Foundation
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
    /// (a truncated tail). Names the first problem.
    ///
    /// Each event's check needs only its own row and its stored `prev_hash`, so a large ledger is checked in two
    /// halves on two connections at once (events never change, so both see the same rows), and the halves are
    /// joined by checking that the second begins where the first ends.
    public func verify() throws -> VerificationReport { try verify(splittingFrom: 50_000) }

    /// `splittingFrom`: the number of events from which the chain is checked in two halves (tests lower it).
    func verify(splittingFrom threshold: Int64) throws -> VerificationReport {
        let lastSeq: Int64
        if case .integer(let n)? = try db.scalar("SELECT max(seq) FROM events") { lastSeq = n } else { lastSeq = 0 }
        var first: ChainSegment
        var second: ChainSegment?
        if lastSeq < threshold {
            first = try Ledger.verifySegment(db, from: 1, to: lastSeq, previousHash: EventHash.genesisBytes)
        } else {
            let middle = lastSeq / 2
            let path = self.path
            let results = SegmentResults()
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                do {
                    let connection = try Database(path: path, mode: .readOnly)
                    connection.setBusyTimeout(milliseconds: 10_000)
                    let segment =
                        half == 0
                        ? try Ledger.verifySegment(
                            connection, from: 1, to: middle, previousHash: EventHash.genesisBytes)
                        : try Ledger.verifySegment(connection, from: middle + 1, to: lastSeq, previousHash: nil)
                    results.set(half, .success(segment))
                } catch {
                    results.set(half, .failure(error))
                }
            }
            first = try results.get(0)
            let later = try results.get(1)
            if first.problem == nil, later.firstPrevHash != first.lastHash {
                first.problem = .init(
                    seq: middle + 1, reason: "its prev_hash does not match the hash of event \(middle)")
            }
            second = later
        }
        var problem = first.problem ?? second?.problem
        let checked = problem.map { $0.seq - 1 } ?? lastSeq
        let lastHash = problem == nil ? (second ?? first).lastHash : []
        if problem == nil {
            if case .integer(let foldedUpTo)? = try db.scalar("SELECT max(last_seq) FROM projection_cursors"),
                foldedUpTo > checked
            {
                problem = .init(
                    seq: checked + 1,
                    reason:
                        "missing: projections have folded events up to \(foldedUpTo) but the ledger ends at \(checked)")
            }
        }
        return VerificationReport(
            eventsChecked: checked,
            head: Head(seq: checked, hash: problem == nil ? String(decoding: lastHash, as: UTF8.self) : ""),
            problem: problem)
    }

    /// What one stretch of the chain looks like: its first stored `prev_hash`, its last hash, its first problem.
    struct ChainSegment: Sendable {
        var firstPrevHash: [UInt8]
        var lastHash: [UInt8]
        var problem: VerificationReport.Problem?
    }

    /// Checks events `from...to`. With `previousHash` nil, the first event's stored `prev_hash` is taken as given
    /// (the caller checks it against the preceding segment).
    static func verifySegment(_ db: Database, from: Int64, to: Int64, previousHash: [UInt8]?) throws -> ChainSegment {
        try db.readTransaction {
            var expectedSeq = from
            var previous = previousHash ?? []
            var firstPrev: [UInt8]?
            var envelope: [UInt8] = []
            envelope.reserveCapacity(1024)
            var computed: [UInt8] = []
            computed.reserveCapacity(64)
            var problem: VerificationReport.Problem?
            let read = try db.prepare(
                """
                SELECT seq, recorded_at, run_id, type, object, source_id, twenty_id, payload, prev_hash, hash
                FROM events WHERE seq BETWEEN ? AND ? ORDER BY seq
                """)
            try read.start([.integer(from), .integer(to)])
            let row = read.row
            while try read.step() {
                let seq = row.int(0)
                if seq != expectedSeq {
                    problem = .init(
                        seq: expectedSeq,
                        reason: "missing: the ledger jumps from event \(expectedSeq - 1) to event \(seq)")
                    break
                }
                let storedPrev = row.bytes(8)
                if firstPrev == nil {
                    firstPrev = Array(storedPrev)
                    if previousHash == nil { previous = Array(storedPrev) }
                }
                if !storedPrev.elementsEqual(previous) {
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
                previous.removeAll(keepingCapacity: true)
                previous.append(contentsOf: storedHash)
                expectedSeq += 1
            }
            read.reset()
            if problem == nil, expectedSeq <= to {
                problem = .init(seq: expectedSeq, reason: "missing: no event \(expectedSeq) before event \(to + 1)")
            }
            return ChainSegment(firstPrevHash: firstPrev ?? [], lastHash: previous, problem: problem)
        }
    }
}

/// Results of the two halves of a parallel verify, each written by one worker and read after both finished.
private final class SegmentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: Result<Ledger.ChainSegment, Error>] = [:]

    func set(_ index: Int, _ result: Result<Ledger.ChainSegment, Error>) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    func get(_ index: Int) throws -> Ledger.ChainSegment {
        lock.lock()
        defer { lock.unlock() }
        return try results[index]!.get()
    }
}
