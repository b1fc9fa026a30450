import CanonicalJSON
import Ledger

/// A delta's summary for people (plain text) and for tools (the JSON of `reports/delta-N.json`): what was created,
/// updated and removed, and every conflict field by field with its three values.
public enum DeltaReport {
    public static func lines(_ summary: DeltaSummary) -> [String] {
        var lines: [String] = []
        lines.append(
            "Created \(summary.createdCount), updated \(summary.updatedCount), "
                + "\(summary.conflicts.count) with conflicts, removed from the source \(summary.removed.reduce(0) { $0 + $1.records.count }) "
                + "(\(summary.deletedCount) deleted), refused \(summary.refusedCount)")
        for object in summary.created.objects where object.counts.written + object.links.written > 0 {
            lines.append(
                "  new      \(object.sourceObject): \(object.counts.written) \(object.object) record(s) created"
                    + (object.links.written > 0 ? ", \(object.links.written) link(s)" : ""))
        }
        for (source, counts) in summary.changed.sorted(by: { $0.key < $1.key }) {
            lines.append(
                "  changed  \(source): \(counts.updated) updated, \(counts.unchanged) with nothing to send, "
                    + "\(counts.conflicts.count) with conflicts, \(counts.refused) refused")
            for gone in counts.goneFromTwenty {
                lines.append(
                    "    \(gone.sourceId): deleted in Twenty (\(gone.twentyId)) since the migration; not re-created")
            }
        }
        if !summary.conflicts.isEmpty {
            lines.append("Conflicts (edited in Twenty since the migration wrote them):")
            for record in summary.conflicts {
                lines.append("  \(record.sourceObject) \(record.sourceId) -> \(record.object) \(record.twentyId)")
                for field in record.fields {
                    let outcome = field.resolution == .source ? "source wins: overwritten" : "Twenty's edit kept"
                    lines.append(
                        "    \(field.field): ours \(text(field.ours)) | Allegory now \(text(field.source)) | "
                            + "Twenty now \(text(field.twenty))  -> \(outcome)")
                }
            }
            if summary.conflicts.contains(where: { $0.fields.contains { $0.resolution == .twenty } }) {
                lines.append(
                    "  (--overwrite-conflicts, or `onConflict: source` on a field in map.yaml, writes the source's value)"
                )
            }
        }
        for removed in summary.removed {
            let what = removed.deleted > 0 ? "deleted" : "still in Twenty (--propagate-deletes deletes them)"
            lines.append(
                "  removed  \(removed.sourceObject): \(removed.records.count) gone from the source, \(what)")
            for record in removed.records.prefix(20) {
                lines.append("    \(record.sourceId) -> \(removed.object) \(record.twentyId)")
            }
            if removed.records.count > 20 { lines.append("    ... \(removed.records.count - 20) more") }
        }
        for (source, fields) in summary.remapTouched.sorted(by: { $0.key < $1.key }) {
            let list = fields.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
            lines.append("  map      \(source): the current map writes differently for unchanged records: \(list)")
            lines.append("           (--remap rewrites them)")
        }
        if !summary.rejectedByTransform.isEmpty {
            lines.append("  rejected \(summary.rejectedByTransform.count) new or changed record(s), not written:")
            for rejected in summary.rejectedByTransform.prefix(20) {
                let reasons = rejected.reasons.map { reason in
                    reason.field.map { "\($0): \(reason.code)" } ?? reason.code
                }
                lines.append(
                    "    \(rejected.object ?? "") \(rejected.sourceId ?? "") (\(rejected.file) line \(rejected.line)): "
                        + reasons.joined(separator: ", "))
            }
            if summary.rejectedByTransform.count > 20 {
                lines.append(
                    "    ... \(summary.rejectedByTransform.count - 20) more (`crm-migrate ledger log --type record.rejected`)"
                )
            }
        }
        if summary.attachmentsNotUpdated > 0 {
            lines.append(
                "  \(summary.attachmentsNotUpdated) changed attachment record(s) left as they are: a delta does not upload files again"
            )
        }
        return lines
    }

    public static func json(_ summary: DeltaSummary, snapshot: Int, runId: String) -> JSONValue {
        var created: [String: JSONValue] = [:]
        for object in summary.created.objects { created[object.sourceObject] = .integer(Int64(object.counts.written)) }
        var changed: [String: JSONValue] = [:]
        for (source, counts) in summary.changed {
            changed[source] = .object([
                "updated": .integer(Int64(counts.updated)), "unchanged": .integer(Int64(counts.unchanged)),
                "refused": .integer(Int64(counts.refused)), "goneFromTwenty": gone(counts.goneFromTwenty),
            ])
        }
        let conflicts: [JSONValue] = summary.conflicts.map(conflict)
        let removed: [JSONValue] = summary.removed.map { removed in
            .object([
                "sourceObject": .string(removed.sourceObject), "object": .string(removed.object),
                "records": gone(removed.records), "deleted": .integer(Int64(removed.deleted)),
                "alreadyGone": gone(removed.alreadyGone),
            ])
        }
        var remap: [String: JSONValue] = [:]
        for (source, fields) in summary.remapTouched {
            remap[source] = .object(fields.mapValues { JSONValue.integer(Int64($0)) })
        }
        return .object([
            "runId": .string(runId), "snapshot": .integer(Int64(snapshot)), "created": .object(created),
            "changed": .object(changed), "conflicts": .array(conflicts), "removed": .array(removed),
            "remapTouched": .object(remap), "attachmentsNotUpdated": .integer(Int64(summary.attachmentsNotUpdated)),
            "rejected": .array(summary.rejectedByTransform.map(rejection)),
        ])
    }

    static func conflict(_ record: RecordConflicts) -> JSONValue {
        let fields: [JSONValue] = record.fields.map { field in
            .object([
                "field": .string(field.field), "ours": field.ours ?? .null, "source": field.source ?? .null,
                "twenty": field.twenty ?? .null, "resolution": .string(field.resolution.rawValue),
            ])
        }
        return .object([
            "object": .string(record.object), "sourceObject": .string(record.sourceObject),
            "sourceId": .string(record.sourceId), "twentyId": .string(record.twentyId), "fields": .array(fields),
        ])
    }

    static func rejection(_ record: RecordRejected) -> JSONValue {
        let reasons: [JSONValue] = record.reasons.map { reason in
            .object([
                "field": reason.field.map(JSONValue.string) ?? .null, "code": .string(reason.code),
                "message": .string(reason.message),
            ])
        }
        return .object([
            "sourceObject": record.object.map(JSONValue.string) ?? .null,
            "sourceId": record.sourceId.map(JSONValue.string) ?? .null, "file": .string(record.file),
            "line": .integer(Int64(record.line)), "reasons": .array(reasons),
        ])
    }

    static func gone(_ records: [GoneRecord]) -> JSONValue {
        .array(records.map { .object(["sourceId": .string($0.sourceId), "twentyId": .string($0.twentyId)]) })
    }

    static func text(_ value: JSONValue?) -> String {
        guard let value, value != .null else { return "(empty)" }
        if case .string(let text) = value { return "\"\(text)\"" }
        return value.canonicalText
    }
}
