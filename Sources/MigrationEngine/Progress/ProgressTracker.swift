import Foundation
import TwentyClient

/// Follows one object through a run: counts its batches as the writer reports them and measures the time since it
/// started and the rate-limit wait, read from the client's pacer, that this object accounts for.
final class ProgressTracker {
    private let sourceObject: String
    private let object: String
    private let total: Int
    private let pacer: RequestPacer
    private let report: (RunProgress) -> Void
    private let started = DispatchTime.now().uptimeNanoseconds
    private let waitedAtStart: Double
    private var counts = WriteCounts()

    init(
        sourceObject: String, object: String, total: Int, pacer: RequestPacer,
        report: @escaping (RunProgress) -> Void
    ) async {
        self.sourceObject = sourceObject
        self.object = object
        self.total = total
        self.pacer = pacer
        self.report = report
        waitedAtStart = await pacer.waitedSeconds
        report(await progress(.records, links: 0))
    }

    func batch(_ written: WriteCounts) async {
        counts.add(written)
        report(await progress(.records, links: 0))
    }

    func finished(_ final: WriteCounts, links: Int) async {
        counts = final
        report(await progress(.finished, links: links))
    }

    private func progress(_ stage: RunProgress.Stage, links: Int) async -> RunProgress {
        RunProgress(
            sourceObject: sourceObject, object: object, stage: stage, total: total, written: counts.written,
            refused: counts.refused, links: links,
            elapsed: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9,
            rateLimitWait: await pacer.waitedSeconds - waitedAtStart)
    }
}
