import Foundation

/// Where one object of a run stands: sent after each batch of its records and once more when the object (its links
/// included) is finished. What the command line's progress display renders, on a terminal, as plain lines or as JSON.
public struct RunProgress: Sendable, Equatable {
    public enum Stage: String, Sendable {
        /// Its records are being written; `done` grows batch by batch.
        case records
        /// Its records and links are written; the counts are final for this run.
        case finished
    }

    public var sourceObject: String
    public var object: String
    public var stage: Stage
    /// Records pending when the object started: what `done` counts towards.
    public var total: Int
    public var written: Int
    /// Records Twenty refused for good.
    public var refused: Int
    /// Links written after the records (finished only).
    public var links: Int
    /// Seconds since the object started.
    public var elapsed: Double
    /// Seconds the client's requests were held back by the rate limit since the object started.
    public var rateLimitWait: Double

    public init(
        sourceObject: String, object: String, stage: Stage, total: Int, written: Int = 0, refused: Int = 0,
        links: Int = 0, elapsed: Double = 0, rateLimitWait: Double = 0
    ) {
        self.sourceObject = sourceObject
        self.object = object
        self.stage = stage
        self.total = total
        self.written = written
        self.refused = refused
        self.links = links
        self.elapsed = elapsed
        self.rateLimitWait = rateLimitWait
    }

    /// Records settled so far, written or refused.
    public var done: Int { written + refused }

    public var recordsPerSecond: Double? { elapsed > 0 && done > 0 ? Double(done) / elapsed : nil }

    /// Seconds left at the rate so far; nil before the first batch says anything about the rate.
    public var etaSeconds: Double? {
        if stage == .finished || done >= total { return 0 }
        guard let rate = recordsPerSecond else { return nil }
        return Double(total - done) / rate
    }
}
