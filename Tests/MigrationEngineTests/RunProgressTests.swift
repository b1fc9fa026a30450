import CanonicalJSON
import Foundation
import Ledger
import MigrationEngine
import Testing

@Suite("Run progress")
struct RunProgressTests {
    /// What a run reported, in order.
    final class Reports {
        var all: [RunProgress] = []
    }

    @Test(
        "every JSON line of a run parses, and the objects' last lines and the summary agree with the conservation table"
    )
    func jsonLinesMatchConservation() async throws {
        let rig = try await MigrationRig()
        let ledger = try rig.ledger()
        let run = try await rig.migration(ledger)
        let reports = Reports()
        run.batchProgress = { reports.all.append($0) }
        let summary = try await run.run()
        let conservation = try ledger.conservation()
        let lines =
            reports.all.map(ProgressJSON.line)
            + [
                ProgressJSON.summary(
                    exitStatus: 0, seconds: 1, conservation: conservation, settledIntents: 0, stopped: nil)
            ]
        let parsed = try lines.map { try JSONValue(parsing: Array($0.utf8)) }
        #expect(lines.allSatisfy { !$0.contains("\n") })

        var finished: [String: JSONValue] = [:]
        var lastDone: [String: Int] = [:]
        for line in parsed.dropLast() {
            #expect(line["event"]?.stringValue == "progress")
            let object = try #require(line["sourceObject"]?.stringValue)
            let done = Int(line["done"]?.numberValue ?? -1)
            // Done only grows, and never past the object's total.
            #expect(done >= lastDone[object, default: 0] && done <= Int(line["total"]?.numberValue ?? -1), "\(line)")
            lastDone[object] = done
            if line["stage"]?.stringValue == "finished" { finished[object] = line }
        }
        #expect(finished.count == summary.objects.count)
        for row in conservation where finished[row.object] != nil {
            let last = try #require(finished[row.object])
            #expect(Int(last["written"]?.numberValue ?? -1) == row.written, "\(row.object)")
            #expect(row.pending == 0, "\(row)")
        }
        let final = try #require(parsed.last)
        #expect(final["event"]?.stringValue == "summary")
        let objects = final["objects"]?.items ?? []
        #expect(objects.count == conservation.count)
        for (object, row) in zip(objects, conservation) {
            #expect(object["object"]?.stringValue == row.object)
            #expect(Int(object["extracted"]?.numberValue ?? -1) == row.extracted)
            #expect(Int(object["written"]?.numberValue ?? -1) == row.written)
            #expect(Int(object["rejected"]?.numberValue ?? -1) == row.rejected)
            #expect(Int(object["excluded"]?.numberValue ?? -1) == row.excluded)
        }
    }

    @Test("a log of a run has one line per object when no object runs longer than the interval")
    func plainLinePerObject() async throws {
        let rig = try await MigrationRig()
        let ledger = try rig.ledger()
        let run = try await rig.migration(ledger)
        let reports = Reports()
        run.batchProgress = { reports.all.append($0) }
        let summary = try await run.run()
        // An interval no object reaches, so the count does not depend on how fast this machine is.
        var plain = PlainProgress(interval: .infinity)
        let lines = reports.all.flatMap { plain.lines(for: $0) }
        #expect(lines.count == summary.objects.count)
        #expect(zip(lines, summary.objects).allSatisfy { $0.hasPrefix($1.sourceObject + " ") })
    }

    @Test("a long object adds a line to the log at most once per interval of its elapsed time")
    func plainPeriodicLines() {
        var plain = PlainProgress(interval: 10)
        var lines: [String] = []
        for batch in 1...15 {
            lines += plain.lines(
                for: RunProgress(
                    sourceObject: "contacts", object: "people", stage: .records, total: 3_000, written: batch * 200,
                    elapsed: Double(batch) * 2))
        }
        // Batches at 2, 4, ... 30 s: lines at 10 and 20 s; at 30 s every record is done, the finished line says it.
        #expect(lines.count == 2)
        #expect(lines.first == "  contacts: 1000/3000 (33%)  100 records/s  ETA 20 s  rate-limit wait 0.0 s")
        lines += plain.lines(
            for: RunProgress(
                sourceObject: "contacts", object: "people", stage: .finished, total: 3_000, written: 3_000,
                elapsed: 30.5, rateLimitWait: 4.25))
        #expect(lines.count == 3)
        #expect(lines.last?.hasPrefix("contacts") == true)
        #expect(lines.last?.hasSuffix("4.2 s") == true || lines.last?.hasSuffix("4.3 s") == true)
    }

    @Test("the ETA is the records left at the rate so far, unknown before the first batch")
    func etaFromRate() {
        var progress = RunProgress(sourceObject: "contacts", object: "people", stage: .records, total: 1_000)
        #expect(progress.etaSeconds == nil)
        #expect(ProgressText.duration(progress.etaSeconds) == "--")
        progress.written = 200
        progress.refused = 50
        progress.elapsed = 5
        #expect(progress.etaSeconds == 15)
        #expect(ProgressText.liveLine(progress).contains("250/1000 (25%)  50 records/s  ETA 15 s"))
        progress.stage = .finished
        #expect(progress.etaSeconds == 0)
    }

    @Test("durations read in seconds, then minutes and seconds, then hours and minutes, rounded up")
    func durationFormatting() {
        #expect(ProgressText.duration(0) == "0 s")
        #expect(ProgressText.duration(0.2) == "1 s")
        #expect(ProgressText.duration(59) == "59 s")
        #expect(ProgressText.duration(59.5) == "1 min 00 s")
        #expect(ProgressText.duration(125) == "2 min 05 s")
        #expect(ProgressText.duration(7_620) == "2 h 07 min")
        #expect(ProgressText.duration(.infinity) == "--")
        #expect(ProgressText.duration(-1) == "--")
    }
}

extension RunProgressTests {
    @Test("a slow object's rate reads with a decimal, not as zero; a fast one in whole records")
    func rateFormatting() {
        #expect(ProgressText.rate(0.42) == "0.4")
        #expect(ProgressText.rate(9.94) == "9.9")
        #expect(ProgressText.rate(352.6) == "353")
        #expect(ProgressText.rate(0) == "0")
        #expect(ProgressText.rate(.nan) == "0")
    }
}
