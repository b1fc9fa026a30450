import CanonicalJSON

extension RecordHistoryEntry {
    /// What the event did to the record, in one line a person reads: the payload's few fields that matter for
    /// this type (the whole payload is one `ledger show SEQ` away).
    public var summary: String {
        let p = payload
        let object = p["object"]?.stringValue ?? self.object ?? "?"
        switch type {
        case "record.extracted":
            let fields = p["values"]?.objectValue?.count ?? 0
            return "extracted from \(p["file"]?.stringValue ?? "?"):\(Self.number(p["line"])) in snapshot "
                + "\(Self.number(p["snapshot"])), \(fields) values, content \(p["contentHash"]?.stringValue?.prefix(12) ?? "?")"
        case "record.missing":
            return "absent from snapshot \(Self.number(p["snapshot"]))"
        case "record.transformed":
            let values = p["values"]?.objectValue ?? [:]
            let fields = values.keys.filter { $0 != "id" }.sorted()
            return "transformed to \(p["targetObject"]?.stringValue ?? "?") \(values["id"]?.stringValue ?? "?"): "
                + Self.list(fields)
        case "record.rejected":
            let reasons = (p["reasons"]?.items ?? []).map { reason in
                [reason["field"]?.stringValue, reason["code"]?.stringValue, reason["message"]?.stringValue]
                    .compactMap { $0 }.joined(separator: " ")
            }
            return "rejected: " + reasons.joined(separator: "; ")
        case "record.excluded":
            return "excluded by rule \(p["rule"]?.stringValue ?? "?")"
                + (p["reason"]?.stringValue.map { ": \($0)" } ?? "")
        case "link.unresolved":
            return "link \(p["column"]?.stringValue ?? "?") = \(p["value"]?.stringValue ?? "?") not written "
                + "(\(p["code"]?.stringValue ?? "?"), \(p["outcome"]?.stringValue ?? "?"))"
        case "write.requested":
            return "intent: \(p["op"]?.stringValue ?? "?") \(object), batch \(p["batchId"]?.stringValue ?? "?") "
                + "of \(p["items"]?.arrayCount ?? 0)"
        case "record.created":
            let fields = (p["values"]?.objectValue ?? [:]).keys.filter { $0 != "id" }.sorted()
            return "created \(object) \(twentyId ?? "?"): " + Self.list(fields)
        case "record.updated":
            let before = p["before"]?.objectValue ?? [:]
            let changes = (p["values"]?.objectValue ?? [:]).sorted { $0.key < $1.key }.map {
                "\($0.key) \(Self.brief(before[$0.key])) -> \(Self.brief($0.value))"
            }
            return "updated \(object) \(twentyId ?? "?"): " + changes.joined(separator: ", ")
        case "record.deleted":
            return (p["soft"] == .bool(true) ? "soft-deleted " : "destroyed ") + "\(object) \(twentyId ?? "?")"
        case "write.failed":
            return "write refused" + (p["status"].map { " (\(Self.number($0)))" } ?? "") + ": "
                + (p["error"]?.stringValue ?? "?") + (p["retryable"] == .bool(true) ? "; will be retried" : "")
        case "intent.resolved":
            return "read back after a crash: \(p["held"]?.arrayCount ?? 0) held, \(p["absent"]?.arrayCount ?? 0) absent"
        case "rollback.requested":
            return "rollback intent: \(p["action"]?.stringValue ?? "?") \(object), batch "
                + "\(p["batchId"]?.stringValue ?? "?") of \(p["items"]?.arrayCount ?? 0)"
        case "rollback.compensated":
            return "rolled back: \(p["compensation"]?["action"]?.stringValue ?? "?") \(object) \(twentyId ?? "?") "
                + "(undoes event \(Self.number(p["compensates"])))"
        case "rollback.kept":
            let fields = (p["fields"]?.items ?? []).compactMap(\.stringValue)
            return "kept by rollback: \(p["reason"]?.stringValue ?? "?")"
                + (fields.isEmpty ? "" : " (changed: \(fields.joined(separator: ", ")))")
        case "compensation.failed":
            return "rollback step refused: \(p["error"]?.stringValue ?? "?")"
        case "reconciliation.computed":
            let reconciles = p["summary"]?["reconciles"] == .bool(true)
            return "reconciliation: " + (reconciles ? "source and Twenty agree" : "differences found")
                + (p["reportPath"]?.stringValue.map { ", report \($0)" } ?? "")
        case "file.upload.requested":
            return "file upload intent: \(Self.number(p["size"])) bytes"
        case "file.uploaded":
            return "file uploaded: \(twentyId ?? "?")"
        case "file.upload.failed":
            return "file upload failed: \(p["error"]?.stringValue ?? "?")"
        default:
            return type
        }
    }

    private static func number(_ value: JSONValue?) -> String {
        guard let number = value?.numberValue else { return "?" }
        return number == number.rounded() ? String(Int64(number)) : String(number)
    }

    private static func list(_ fields: [String]) -> String {
        fields.count <= 8
            ? fields.joined(separator: ", ")
            : fields.prefix(8).joined(separator: ", ")
                + " and \(fields.count - 8) more"
    }

    /// A value short enough for one line.
    private static func brief(_ value: JSONValue?) -> String {
        guard let value else { return "(unset)" }
        let text = value.stringValue.map { "\"\($0)\"" } ?? value.canonicalText
        return text.count <= 40 ? text : String(text.prefix(37)) + "..."
    }
}
