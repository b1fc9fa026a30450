import AllegoryExport
import Foundation
import Ledger
import SourceSnapshot
import Testing

@testable import FieldMap

@Suite("Proposal from a snapshot")
struct SnapshotSampleTests {
    @Test("the proposal samples the records the snapshot recorded, not the export folder as it is now")
    func samplesComeFromTheLedger() throws {
        let export = try GeneratedExport(contacts: 120, seed: 3)
        let ledger = try Ledger.create(at: export.root.appendingPathComponent("ledger.sqlite").path)
        let snapshotter = Snapshotter(ledger: ledger, layout: try ExportLayout(root: export.export))
        _ = try snapshotter.run()
        // The folder changes after the snapshot: the proposal must not see it.
        let contacts = export.export.appendingPathComponent("contacts.csv")
        let text = try String(contentsOf: contacts, encoding: .utf8)
        try text.replacingOccurrences(of: "@", with: "(at)").write(to: contacts, atomically: true, encoding: .utf8)

        var proposer = MapProposer(
            layout: try ExportLayout(root: export.export), catalog: .builtIn(), understanding: snapshotter.understanding
        )
        proposer.ledger = ledger
        let proposal = try proposer.propose()
        let sample = try #require(proposal.samples["contacts"])
        let email = try #require(sample.column(named: "Email"))
        #expect(sample.rows.count == 120)
        #expect(sample.values(ofColumn: email).filter { !$0.isEmpty }.allSatisfy { $0.contains("@") })
        let field = proposal.map.object(source: "contacts")?.fields.first { $0.column == "Email" }
        #expect(field?.target == "emails.primaryEmail")
    }
}
