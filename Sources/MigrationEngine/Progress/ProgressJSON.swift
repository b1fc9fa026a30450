import CanonicalJSON
import Ledger

/// Progress for machines (`--json`): one JSON object per line, each progress event, then one summary.
public enum ProgressJSON {
    public static func line(_ progress: RunProgress) -> String {
        var members: [String: JSONValue] = [
            "event": .string("progress"), "stage": .string(progress.stage.rawValue),
            "sourceObject": .string(progress.sourceObject), "object": .string(progress.object),
            "total": count(progress.total), "done": count(progress.done), "written": count(progress.written),
            "refused": count(progress.refused), "links": count(progress.links),
            "elapsedSeconds": milliseconds(progress.elapsed),
            "rateLimitWaitSeconds": milliseconds(progress.rateLimitWait),
        ]
        if let rate = progress.recordsPerSecond { members["recordsPerSecond"] = milliseconds(rate) }
        if let eta = progress.etaSeconds { members["etaSeconds"] = milliseconds(eta) }
        return JSONValue.object(members).canonicalText
    }

    /// The last line: where every source record stands (the conservation table), the exit status and, when the
    /// run stopped, why.
    public static func summary(
        exitStatus: Int32, seconds: Double, conservation: [ConservationRow], settledIntents: Int, stopped: String?
    ) -> String {
        var members: [String: JSONValue] = [
            "event": .string("summary"), "exitStatus": .integer(Int64(exitStatus)),
            "elapsedSeconds": milliseconds(seconds), "settledIntents": count(settledIntents),
            "objects": .array(
                conservation.map { row in
                    .object([
                        "object": .string(row.object), "extracted": count(row.extracted),
                        "written": count(row.written), "rejected": count(row.rejected),
                        "excluded": count(row.excluded), "pending": count(row.pending),
                    ])
                }),
        ]
        if let stopped { members["stopped"] = .string(stopped) }
        return JSONValue.object(members).canonicalText
    }

    private static func count(_ value: Int) -> JSONValue { .integer(Int64(value)) }

    /// Seconds and rates to the millisecond: more digits would only be noise.
    private static func milliseconds(_ value: Double) -> JSONValue { .number((value * 1000).rounded() / 1000) }
}
