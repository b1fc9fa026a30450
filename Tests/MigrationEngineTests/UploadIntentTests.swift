import CanonicalJSON
import Foundation
import Ledger
import MigrationEngine
import Testing

@Suite("Uploads recorded before they are made")
struct UploadIntentTests {
    struct Stop: Error {}

    /// The stored files' ids, and the file ids the attachment records point at.
    static func files(_ rig: MigrationRig) async throws -> (stored: [String], referenced: [String]) {
        let state = try await rig.client.get("_sandbox/state")
        let stored = (state["files"]?.items ?? []).compactMap { $0["id"]?.stringValue }
        var referenced: [String] = []
        for record in try await rig.client.get("rest/attachments?limit=200")["data"]?["attachments"]?.items ?? [] {
            referenced += (record["file"]?.items ?? []).compactMap { $0["fileId"]?.stringValue }
        }
        return (stored, referenced)
    }

    @Test(
        "every upload is an intent in the ledger before its call and an outcome after, so each file Twenty stores is known to the ledger"
    )
    func uploadsAreRecorded() async throws {
        let rig = try await MigrationRig()
        let ledger = try rig.ledger()
        _ = try await rig.migration(ledger).run()
        let uploads = try ledger.uploads()
        #expect(!uploads.isEmpty)
        #expect(uploads.allSatisfy { $0.state != .inDoubt }, "\(uploads.filter { $0.state == .inDoubt })")
        // The planted files that differ from their listed size or hash are stopped before any byte is sent.
        #expect(uploads.contains { $0.state == .failed })
        let (stored, referenced) = try await Self.files(rig)
        #expect(Set(stored) == Set(uploads.compactMap(\.uploaded?.fileId)))
        #expect(referenced.sorted() == stored.sorted())
        // Each outcome follows its own intent.
        var requested: [String: Int64] = [:]
        var uploaded: [String: Int64] = [:]
        for type in [EventType.fileUploadRequested, .fileUploaded] {
            try ledger.events(matching: EventFilter(type: type.rawValue)) { stored in
                switch try stored.decoded() {
                case .fileUploadRequested(let request): requested[request.uploadId] = stored.seq
                case .fileUploaded(let outcome): uploaded[outcome.uploadId] = stored.seq
                default: break
                }
            }
        }
        #expect(!uploaded.isEmpty)
        #expect(uploaded.allSatisfy { id, seq in (requested[id] ?? .max) < seq })
    }

    @Test(
        "a run stopped between an upload and its attachment's write resumes with that file: one stored file per attachment, none unknown to the ledger"
    )
    func stoppedAfterUploadResumesWithTheFile() async throws {
        let rig = try await MigrationRig()
        let ledger = try rig.ledger()
        let first = try await rig.migration(ledger)
        first.afterUpload = { uploads in if uploads >= 2 { throw Stop() } }
        await #expect(throws: Stop.self) { _ = try await first.run() }
        // Both files are in Twenty, referenced by no record yet (their records go in one batch once the files are
        // up), and the ledger knows them.
        let before = try await Self.files(rig)
        let uploadedBefore = try ledger.uploads().compactMap(\.uploaded)
        #expect(before.stored.count == 2 && before.referenced.isEmpty)
        #expect(Set(before.stored) == Set(uploadedBefore.map(\.fileId)))
        let orphans = Set(before.stored)

        _ = try await rig.migration(ledger).run()
        let after = try await Self.files(rig)
        let uploads = try ledger.uploads()
        #expect(after.referenced.sorted() == after.stored.sorted(), "a stored file no attachment points at")
        #expect(after.referenced.count == Set(after.referenced).count)
        #expect(orphans.isSubset(of: Set(after.referenced)), "the files uploaded before the stop are the ones written")
        #expect(Set(after.stored) == Set(uploads.compactMap(\.uploaded?.fileId)))
        // Their bytes were sent once: one upload recorded for each of those attachments.
        for orphan in orphans {
            let forOrphan = uploads.filter { $0.uploaded?.fileId == orphan }
            #expect(forOrphan.count == 1)
            let attachment = try #require(forOrphan.first?.request.sourceId)
            #expect(uploads.filter { $0.request.sourceId == attachment }.count == 1)
        }
        let row = try #require(try ledger.conservation().first { $0.object == "attachments" })
        #expect(row.pending == 0 && row.balances, "\(row)")
    }
}
