import Foundation
import Ledger
import SourceSnapshot
import Testing

@Suite("Interrupted snapshots")
struct InterruptedSnapshotTests {
    @Test("work on a snapshot that stopped before every record was read is refused, naming the snapshot")
    func interruptedSnapshotIsRefused() throws {
        let path = NSTemporaryDirectory() + "interrupted-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let ledger = try Ledger.create(at: path)
        #expect(try UnderstandingRecord.latestComplete(in: ledger) == nil)
        try ledger.append([.snapshotTaken(SnapshotTaken(snapshot: 1, exportPath: "/export", files: []))])
        let error = #expect(throws: SnapshotIncomplete.self) { try UnderstandingRecord.latestComplete(in: ledger) }
        #expect(error?.description.hasPrefix("snapshot 1 was interrupted") == true)
        try ledger.append([.snapshotCompleted(SnapshotCompleted(snapshot: 1, extracted: 0, unchanged: 0, missing: 0))])
        #expect(try UnderstandingRecord.latestComplete(in: ledger) == nil)
    }
}
