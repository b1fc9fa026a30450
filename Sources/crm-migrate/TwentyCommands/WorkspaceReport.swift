import TwentyClient
import TwentyModel

/// `twenty check`'s output: what discovery found, in the order a migration needs it.
enum WorkspaceReport {
    static func lines(_ workspace: WorkspaceDescription) -> [String] {
        let naming = workspace.naming
        var lines = ["Workspace \(workspace.url)"]
        lines.append(
            "  data model: \(workspace.version.rawValue) naming"
                + " (task/note targets: \(targetWords(naming)); attachment file field: \(naming.attachmentFileField ?? "none");"
                + " rich text: \(naming.richTextType ?? "none"))")
        lines.append(
            "  batch maximum: \(workspace.batchMaximum)"
                + (workspace.batchMaximumStated ? " (from /rest/open-api/core)" : " (not stated; the docs' 60 assumed)")
        )
        let custom = workspace.objects.filter(\.isCustom)
        lines.append("  objects: \(workspace.objects.count) (\(custom.count) custom)")
        for object in workspace.objects.sorted(by: { $0.nameSingular < $1.nameSingular }) {
            let customFields = workspace.customFields[object.nameSingular] ?? []
            let unique = object.fields.filter(\.isUnique).map(\.name)
            lines.append(
                "    \(object.nameSingular.padding(toLength: 24, withPad: " ", startingAt: 0))"
                    + " \(object.fields.count) fields, \(customFields.count) custom"
                    + (object.isCustom ? " (custom object)" : "")
                    + (unique.isEmpty ? "" : "; unique: \(unique.joined(separator: ", "))"))
        }
        lines.append("  members: \(workspace.members.count)")
        let width = workspace.members.map { ($0.userEmail ?? "(no email)").count }.max() ?? 0
        for member in workspace.members {
            let email = (member.userEmail ?? "(no email)").padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append("    \(email)  \(member.id)")
        }
        return lines
    }

    static func targetWords(_ naming: VersionNaming) -> String {
        switch naming.targetJoin {
        case .targetPrefixed: "targetPersonId, targetCompanyId, ..."
        case .plain: "personId, companyId, ..."
        case .absent: "none"
        }
    }
}
