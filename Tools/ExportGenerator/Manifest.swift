import Foundation

/// manifest.json: what Allegory says about its own export (when, which version, how many records per file).
/// Counts are the records written, planted duplicates and broken rows included, as an exporter counts them.
struct Manifest: Encodable {
    static let path = "manifest.json"
    static let allegoryVersion = "11.4.2 (build 2026.06.1)"

    let exportedAt: String
    let allegoryVersion: String
    let exportedBy: String
    let recordCounts: [String: Int]

    init(recordCounts: [String: Int]) {
        exportedAt = DateFormat.iso8601.string(Instant.exportedAt)
        allegoryVersion = Self.allegoryVersion
        exportedBy = Users.all[0].email
        self.recordCounts = recordCounts
    }
}
