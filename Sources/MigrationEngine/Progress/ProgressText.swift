import Foundation

/// How a run's progress reads for people: pure functions of a `RunProgress`, so they are tested without a terminal.
public enum ProgressText {
    /// `42 s`, `3 min 05 s`, `2 h 07 min`; `--` when unknown (no batch yet to measure a rate from).
    public static func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite, seconds >= 0 else { return "--" }
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) min " + twoDigits(whole % 60) + " s" }
        return "\(whole / 3600) h " + twoDigits(whole / 60 % 60) + " min"
    }

    /// The line a terminal shows for the object being written, rewritten in place after each batch.
    public static func liveLine(_ progress: RunProgress) -> String {
        let percent = progress.total > 0 ? progress.done * 100 / progress.total : 100
        let rate = progress.recordsPerSecond.map(Self.rate) ?? "--"
        return progress.sourceObject.padding(toLength: 22, withPad: " ", startingAt: 0)
            + "\(progress.done)/\(progress.total) (\(percent)%)  \(rate) records/s  ETA "
            + duration(progress.etaSeconds) + "  rate-limit wait " + seconds(progress.rateLimitWait)
            + (progress.refused > 0 ? "  \(progress.refused) refused" : "")
    }

    public static let tableHeader =
        "OBJECT".padded(22) + "TARGET".padded(16) + "PENDING".padded(9) + "WRITTEN".padded(9) + "REFUSED".padded(9)
        + "LINKS".padded(8) + "RECORDS/S".padded(11) + "RATE-LIMIT WAIT"

    /// A finished object's line of the run's table.
    public static func tableLine(_ progress: RunProgress) -> String {
        let rate = rate(progress.elapsed > 0 ? Double(progress.written) / progress.elapsed : 0)
        return progress.sourceObject.padded(22) + progress.object.padded(16) + String(progress.total).padded(9)
            + String(progress.written).padded(9) + String(progress.refused).padded(9)
            + String(progress.links).padded(8) + rate.padded(11) + seconds(progress.rateLimitWait)
    }

    /// Records per second: whole numbers, with a decimal below 10 so that a slow object (attachments, one upload
    /// and one record each) does not read as standing still.
    public static func rate(_ perSecond: Double) -> String {
        guard perSecond.isFinite, perSecond > 0 else { return "0" }
        return perSecond < 10 ? String(format: "%.1f", perSecond) : String(Int(perSecond.rounded()))
    }

    /// A line for a log while a long object is still being written.
    public static func periodicLine(_ progress: RunProgress) -> String {
        "  \(progress.sourceObject): " + liveLine(progress).dropFirst(22)
    }

    /// `0.0 s`, `12.3 s`: waits are short and their tenths matter.
    static func seconds(_ value: Double) -> String { String(format: "%.1f s", value) }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

extension String {
    /// Left-aligned in a column of `width`, with at least one space after it.
    fileprivate func padded(_ width: Int) -> String {
        count >= width ? self + " " : padding(toLength: width, withPad: " ", startingAt: 0)
    }
}
