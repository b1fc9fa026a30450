/// Progress as a log reads it (standard output is not a terminal): one line per object when it is finished, and for
/// a long object a line at most every `interval` seconds of its elapsed time, so a log shows it is alive without
/// a line per batch.
public struct PlainProgress: Sendable {
    public let interval: Double
    /// The elapsed time of the object's last line, by source object.
    private var lastLine: [String: Double] = [:]

    public init(interval: Double = 10) { self.interval = interval }

    /// The lines `progress` adds to the log (none for most batches).
    public mutating func lines(for progress: RunProgress) -> [String] {
        switch progress.stage {
        case .finished:
            return [ProgressText.tableLine(progress)]
        case .records:
            let last = lastLine[progress.sourceObject] ?? 0
            guard progress.done > 0, progress.done < progress.total, progress.elapsed - last >= interval else {
                return []
            }
            lastLine[progress.sourceObject] = progress.elapsed
            return [ProgressText.periodicLine(progress)]
        }
    }
}
