import Foundation
import SQLite

/// Copies committed pages from the write-ahead log into the database file on a thread of its own.
///
/// Left to the writing connection, a checkpoint runs inside a commit: the request that crosses the threshold
/// waits for thousands of scattered page writes and an fsync (random v4 ids put every record on a different
/// index page), which was a quarter of the batch-create benchmark's time and all of its p99. Here a second
/// connection checkpoints in `PASSIVE` mode, which never blocks the writer or readers. The writer keeps a high
/// `wal_autocheckpoint` as the backstop that lets the log restart from its beginning: by the time it fires,
/// nearly every frame has already been copied, so it costs the writer little.
final class WALCheckpointer: @unchecked Sendable {
    /// How long the checkpointer waits after a commit before copying, so one checkpoint covers a few commits.
    /// Short on purpose: the less is left for the writer's backstop, the shorter its pause (10 ms measured
    /// better than 100 ms: p99 30 ms against 50 ms); an idle workspace gets no wake-ups at all.
    static let interval: TimeInterval = 0.01

    private let path: String
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var pending = false
    private var stopped = false

    init(path: String) {
        self.path = path
        let thread = Thread { [self] in run() }
        thread.name = "sandbox-wal-checkpointer"
        thread.start()
    }

    /// Called after each commit; cheap enough for every one (only the first after a checkpoint wakes the thread).
    func noteCommit() {
        condition.lock()
        if !pending {
            pending = true
            condition.signal()
        }
        condition.unlock()
    }

    /// Ends the thread after its current checkpoint; the last connection to close checkpoints what is left.
    func stop() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
    }

    private func run() {
        guard let database = try? Database(path: path, mode: .readWrite) else { return }
        database.setBusyTimeout(milliseconds: 5000)
        while waitForCommits() {
            // Busy (another checkpoint under way) or any other failure: the next round, or the writer's
            // backstop, copies the same frames.
            try? database.execute("PRAGMA wal_checkpoint(PASSIVE)")
        }
    }

    /// Blocks until a commit is pending and `interval` has passed since the last checkpoint; false once stopped.
    private func waitForCommits() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let earliest = Date(timeIntervalSinceNow: Self.interval)
        while !stopped, condition.wait(until: earliest) {}
        while !stopped, !pending { condition.wait() }
        pending = false
        return !stopped
    }
}
