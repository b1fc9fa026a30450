import Foundation

/// The edits people made in Allegory during the cutover window, applied to a rig's generated export: a contact's
/// job title changed, another's job title changed while someone also edited it in Twenty (the test does that),
/// a contact moved to a new company, a new company, a new contact and a new attachment, and a contact removed.
/// Ids are the export's; the files are rewritten in place.
public struct CutoverEdits {
    public let retitled: String
    public let conflicted: String
    public let moved: String
    public let removed: String
    public let newCompany: String
    public let newContact: String
    public let newAttachment: String

    public static let title = "Chief Delta Officer"
    public static let conflictingTitle = "Head of Cutover"

    /// A file's text whatever encoding the generator chose for it (it writes some files as UTF-16 or Windows-1252,
    /// as real exports come), for finding ids in it.
    static func text(of url: URL) throws -> String {
        let data = try Data(contentsOf: url)
        for encoding in [String.Encoding.utf8, .utf16, .windowsCP1252] {
            if let text = String(data: data, encoding: encoding) { return text }
        }
        return String(decoding: data, as: UTF8.self)
    }

    public init(export: URL) throws {
        var contacts = try EditableCSV(export.appendingPathComponent("contacts.csv"))
        var companies = try EditableCSV(export.appendingPathComponent("companies.csv"))
        var attachments = try EditableCSV(export.appendingPathComponent("attachments.csv"))
        // A contact nothing else in the export names, so that removing it leaves no child without its parent.
        let files = (FileManager.default.enumerator(atPath: export.path)?.allObjects as? [String]) ?? []
        let others = try files.filter { ($0.hasSuffix(".csv") || $0.hasSuffix(".json")) && $0 != "contacts.csv" }
            .map { try Self.text(of: export.appendingPathComponent($0)) }
            .joined()
        let removed = contacts.ids.reversed().first { !others.contains($0) }!
        self.removed = removed
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
        // The listed path is relative to files/ in generated exports.
        let folder = export.appendingPathComponent(Attachments.filesDirectory)
        try FileManager.default.copyItem(
            at: folder.appendingPathComponent(path), to: folder.appendingPathComponent(newPath))
        attachments.copy(
            source,
            with: ["Attachment ID": newAttachment, "Path": newPath, "Parent Type": "Contact", "Parent ID": newContact])
        try attachments.write()
    }
}
