/// The generations of Twenty's data model that a migration must tell apart (TWENTY_API.md sections 4 and 6).
///
/// - `v1`: Twenty 1.x before 1.18. Task/note targets and attachment parents are `personId`, `companyId`,
///   `opportunityId` (and `noteId`/`taskId` on attachments); an attachment carries the file as `fullPath`.
/// - `v2`: Twenty 1.18 and later, through 2.x. Targets are `targetPersonId`, `targetCompanyId`, ... (plus one per
///   custom object) and an attachment carries a FILES field `file`.
public enum TwentyVersion: String, Codable, Sendable, CaseIterable {
    case v1
    case v2
}
