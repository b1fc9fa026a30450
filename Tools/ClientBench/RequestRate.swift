/// Requests per minute of a paced run, from when each answer came: over the whole run, and per full minute once the
/// opening burst (the bucket Twenty fills before the first request) is spent, which is where pacing shows.
struct RequestRate {
    let lines: [String]

    /// `limit` per `window` seconds: the sandbox's long window, which a bucket starting full allows as `limit` at once
    /// plus `limit / window` per second after.
    init(_ log: [(seconds: Double, status: Int)], seconds: Double, waited: Double, limit: Int, window: Double) {
        let refused = log.filter { $0.status == 429 }
        let times = log.map(\.seconds)
        let end = times.last ?? 0
        var minutes: [Int] = []
        var start = 60.0
        while start + 60 <= end {
            minutes.append(times.filter { $0 >= start && $0 < start + 60 }.count)
            start += 60
        }
        let overall = Double(log.count) / max(seconds, 1e-9) * 60
        let firstMinute = times.filter { $0 < 60 }.count
        let admitted = log.filter { $0.status != 429 }.count
        let allowed = Double(limit) + Double(limit) / window * (times.last ?? seconds)
        var lines = [
            "  requests/min      " + String(format: "%.1f", overall) + " over the run (\(log.count) requests in "
                + String(format: "%.1f s", seconds) + "), \(firstMinute) in the first minute (opening burst included)",
            "  429s              \(refused.count)"
                + (refused.isEmpty ? "" : " (first at " + String(format: "%.1f s", refused[0].seconds) + ")"),
            "  rate-limit wait   " + String(format: "%.1f s", waited) + " summed over requests",
            "  of the allowance  \(admitted) admitted of " + String(format: "%.0f", allowed)
                + " the long window allowed by the last answer (\(limit) at once + \(limit)/\(Int(window)) s after): "
                + String(format: "%.1f%%", Double(admitted) / allowed * 100),
        ]
        if minutes.isEmpty {
            lines.append("  per full minute   none after the first (the run ended within \(Int(end) + 1) s)")
        } else {
            let mean = Double(minutes.reduce(0, +)) / Double(minutes.count)
            lines.append(
                "  per full minute   after the first: " + minutes.map(String.init).joined(separator: ", ")
                    + " (mean " + String(format: "%.1f", mean) + ")")
        }
        self.lines = lines
    }
}
