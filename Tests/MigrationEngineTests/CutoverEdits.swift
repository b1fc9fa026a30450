import AllegoryExport
import ExportGenerator
import Foundation
import Ledger
import MigrationEngine
import RecordTransform
import SourceSnapshot

/// The edits people made in Allegory during the cutover window, applied to a rig's generated export: a contact's
/// job title changed, another's job title changed while someone also edited it in Twenty (the test does that),
/// a contact moved to a new company, a new company, a new contact and a new attachment, and a contact removed.
struct CutoverEdits {
    let retitled: String
    let conflicted: String
    let moved: String
    let removed: String
    let newCompany: String
    let newContact: String
    let newAttachment: String

    static let title = "Chief Delta Officer"
    static let conflictingTitle = "Head of Cutover"

    init(export: URL) throws {
        var contacts = try EditableCSV(export.appendingPathComponent("contacts.csv"))
        var companies = try EditableCSV(export.appendingPathComponent("companies.csv"))
        var attachments = try EditableCSV(export.appendingPathComponent("attachments.csv"))
        // A contact nothing else in the export names, so that removing it leaves no child without its parent.
        let others = try FileManager.default.contentsOfDirectory(atPath: export.path)
            .filter { $0.hasSuffix(".csv") && $0 != "contacts.csv" }
            .map { try String(contentsOf: export.appendingPathComponent($0), encoding: .utf8) }
            .joined()
        removed = contacts.ids.reversed().first { !others.contains($0) }!
        let kept = contacts.ids.filter { $0 != removed }
        (retitled, conflicted, moved) = (kept[0], kept[1], kept[2])

        newCompany = companies.nextId
        let model = companies.ids[0]
        companies.copy(
            model,
            with: [
                "Company ID": newCompany, "Company Name": "Delta Pickup Logistics",
                "Website": "https://delta-pickup-logistics.example", "Parent Company ID": "",
            ])
        try companies.write()

        contacts.set(retitled, "Job Title", Self.title)
        contacts.set(conflicted, "Job Title", Self.conflictingTitle)
        contacts.set(moved, "Company ID", newCompany)
        newContact = contacts.nextId
        contacts.copy(
            retitled,
            with: [
                "Contact ID": newContact, "First Name": "Dana", "Last Name": "Newcomer",
                "Email": "dana.newcomer@delta-pickup-logistics.example", "Other Emails": "", "Company ID": newCompany,
            ])
        contacts.remove(removed)
        try contacts.write()

        newAttachment = attachments.nextId
        let source = attachments.ids[0]
        let path = attachments.value(source, "Path")
        let newPath = path.replacingOccurrences(of: source, with: newAttachment)
        try FileManager.default.copyItem(
            at: export.appendingPathComponent(path), to: export.appendingPathComponent(newPath))
        attachments.copy(
            source,
            with: ["Attachment ID": newAttachment, "Path": newPath, "Parent Type": "Contact", "Parent ID": newContact])
        try attachments.write()
    }
}

extension MigrationRig {
    /// Takes a snapshot of the rig's export as it now stands and transforms it under the confirmed map: what
    /// `crm-migrate delta` does before it writes.
    func pickUp(_ ledger: Ledger) async throws {
        let layout = try ExportLayout(root: root.appendingPathComponent("export"))
        _ = try Snapshotter(ledger: ledger, layout: layout).run()
        let workspace = try await TransformWorkspace.read(client)
        let context = try TransformContext(
            projectId: project.settings.projectId, map: confirmed.map, workspace: workspace)
        _ = try TransformRun(ledger: ledger, map: confirmed.map, mapSha256: confirmed.sha256, context: context).run()
    }

    func delta(_ ledger: Ledger, _ options: DeltaOptions = DeltaOptions()) async throws -> DeltaRun {
        DeltaRun(
            client: client, ledger: ledger, workspace: try await client.describeWorkspace(), map: confirmed.map,
            mapSha256: confirmed.sha256, projectId: project.settings.projectId,
            source: try ExportSource(url: root.appendingPathComponent("export")), options: options)
    }

    /// The Twenty id the migration gave the source record `sourceId` of `object`.
    func twentyId(_ object: String, _ sourceId: String) -> String {
        RecordIdentity(projectId: project.settings.projectId).id(object: object, sourceId: sourceId)
    }
}
