import TwentyModel

/// The names that moved between Twenty versions (TWENTY_API.md sections 6 and 11), as this workspace has them.
public struct VersionNaming: Sendable, Equatable {
    public enum TargetJoin: String, Sendable, Equatable {
        /// Since v1.17: `targetPersonId`, `targetCompanyId`, `target<Custom>Id`.
        case targetPrefixed
        /// Before: `personId`, `companyId`.
        case plain
        /// No task or note targets in the workspace.
        case absent
    }

    /// How task and note targets (and attachments) name their parent's join column.
    public var targetJoin: TargetJoin
    /// The attachment's file field: `file` (FILES, since v1.18) or `fullPath` (text); nil when no attachment object.
    public var attachmentFileField: String?
    /// The note body's type as the workspace names it: `RICH_TEXT` (v1.20 on) or `RICH_TEXT_V2`; nil when absent.
    public var richTextType: String?

    public init(targetJoin: TargetJoin, attachmentFileField: String?, richTextType: String?) {
        self.targetJoin = targetJoin
        self.attachmentFileField = attachmentFileField
        self.richTextType = richTextType
    }

    /// The join column on a target or attachment that points at `object` (`person` -> `targetPersonId` or
    /// `personId`).
    public func joinColumn(to object: String) -> String {
        let capitalised = object.prefix(1).uppercased() + object.dropFirst()
        return targetJoin == .plain ? object + "Id" : "target\(capitalised)Id"
    }

    /// Reads the names from the objects' fields: never from a version number, which the API does not state.
    static func detect(objects: [ObjectDescription], rawTypes: [String: [String: String]]) -> VersionNaming {
        let targets = objects.filter { ["taskTarget", "noteTarget"].contains($0.nameSingular) }
        let targetJoin: TargetJoin
        if targets.isEmpty {
            targetJoin = .absent
        } else if targets.contains(where: { $0.field(named: "targetPerson") != nil }) {
            targetJoin = .targetPrefixed
        } else {
            targetJoin = .plain
        }
        let attachment = objects.first { $0.nameSingular == "attachment" }
        let fileField = ["file", "fullPath"].first { attachment?.field(named: $0) != nil }
        let richText = rawTypes["note"]?["bodyV2"] ?? rawTypes["task"]?["bodyV2"]
        return VersionNaming(targetJoin: targetJoin, attachmentFileField: fileField, richTextType: richText)
    }
}
