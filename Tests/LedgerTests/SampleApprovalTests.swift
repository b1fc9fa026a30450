import Foundation
import Testing

@testable import Ledger

@Suite("Sample approval")
struct SampleApprovalTests {
    /// A ledger at `path` opened as a new command would open it: a run id of its own.
    private func command(_ path: String) throws -> Ledger { try Ledger(path: path, access: .write) }

    private func sampleRun(_ ledger: Ledger) throws {
        try ledger.append([
            .runStarted(RunStarted(command: "sample", mode: "sample")),
            .runCompleted(RunCompleted(command: "sample", counts: ["written": 3])),
        ])
    }

    @Test("approval names the latest sample run since the map was confirmed, and is found by the map's hash")
    func approvalFollowsSample() throws {
        let directory = TemporaryDirectory()
        let path = try makeLedger(in: directory).path
        try command(path).append([.mapConfirmed(MapConfirmed(mapSha256: "aa", confirmedBy: "ana"))])
        #expect(throws: SampleNotRun.self) { try command(path).approveSample(mapSha256: "aa", by: "ana") }
        let samplerRunId: String = try {
            let sampler = try command(path)
            try sampleRun(sampler)
            return sampler.runId
        }()
        let approval = try command(path).approveSample(mapSha256: "aa", by: "ana")
        #expect(approval.sampleRunId == samplerRunId)
        #expect(try command(path).sampleApproved(mapSha256: "aa"))
        #expect(try !command(path).sampleApproved(mapSha256: "bb"))
    }

    @Test("a sample run before another map was confirmed does not count for it, nor for the earlier map again")
    func newMapNeedsNewSample() throws {
        let directory = TemporaryDirectory()
        let path = try makeLedger(in: directory).path
        try command(path).append([.mapConfirmed(MapConfirmed(mapSha256: "aa", confirmedBy: "ana"))])
        try sampleRun(try command(path))
        try command(path).append([.mapConfirmed(MapConfirmed(mapSha256: "bb", confirmedBy: "ana"))])
        #expect(throws: SampleNotRun.self) { try command(path).approveSample(mapSha256: "bb", by: "ana") }
        #expect(throws: SampleNotRun.self) { try command(path).approveSample(mapSha256: "aa", by: "ana") }
        try sampleRun(try command(path))
        #expect(try command(path).approveSample(mapSha256: "bb", by: "ana").mapSha256 == "bb")
    }
}
