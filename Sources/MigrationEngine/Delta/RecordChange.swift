import CanonicalJSON
import FieldMap
import Ledger

/// What a delta sends for one changed record, decided field by field from three values: what the tool wrote
/// (ours), what the source holds now (transformed under the current map), and what Twenty holds now.
///
/// A field is changed when the source's value no longer agrees with ours; it is in conflict when Twenty's value no
/// longer agrees with ours either (someone edited it in Twenty). Values are compared after Twenty's normalisation
/// (`SampleValue`): a phone or a domain Twenty rewrote is neither a change nor an edit.
struct RecordChange: Equatable {
    /// Fields that describe the record's creation, never sent again.
    static let untracked: Set<String> = RecordWriter.creationOnly

    /// The fields to send with their new values (null where the source cleared a value we wrote).
    var sent: [String: JSONValue] = [:]
    /// Before-image of the sent fields: Twenty's values read just before the update (invariant 5).
    var before: [String: JSONValue] = [:]
    var conflicts: [FieldConflict] = []

    /// The fields whose source value differs from what was written, with the new value.
    static func changedFields(written: JSONValue, now: JSONValue) -> [String: JSONValue] {
        let ours = written.objectValue ?? [:]
        let theirs = now.objectValue ?? [:]
        var changed: [String: JSONValue] = [:]
        for key in Set(ours.keys).union(theirs.keys) where !untracked.contains(key) {
            if !SampleValue.agrees(ours[key], theirs[key], path: key) { changed[key] = theirs[key] ?? .null }
        }
        return changed
    }

    /// Decides each changed field against Twenty's current values `held`: a field Twenty still holds as we wrote it
    /// is sent; a field edited in Twenty is sent only when `rule` says the source wins for it.
    static func decide(
        written: JSONValue, now: JSONValue, held: JSONValue, rule: (String) -> FieldConflict.Resolution
    ) -> RecordChange {
        var change = RecordChange()
        let ours = written.objectValue ?? [:]
        for (field, value) in changedFields(written: written, now: now).sorted(by: { $0.key < $1.key }) {
            let twenty = held[field]
            if !SampleValue.agrees(ours[field], twenty, path: field) {
                let resolution = rule(field)
                change.conflicts.append(
                    FieldConflict(
                        field: field, ours: ours[field], source: value == .null ? nil : value, twenty: twenty,
                        resolution: resolution))
                guard resolution == .source else { continue }
            }
            change.sent[field] = value
            change.before[field] = twenty ?? .null
        }
        return change
    }
}

/// Who wins a conflict on each Twenty field of one object: the map's per-field `onConflict`, else the delta's
/// `--overwrite-conflicts`.
struct ConflictRules {
    let rules: [String: ConflictRule]
    let overwrite: Bool

    init(_ object: ObjectMap, overwrite: Bool) {
        var rules: [String: ConflictRule] = [:]
        for field in object.fields {
            guard let target = field.targetField, let rule = field.onConflict else { continue }
            rules[target] = rules[target] ?? rule
        }
        self.rules = rules
        self.overwrite = overwrite
    }

    func resolution(_ field: String) -> FieldConflict.Resolution {
        switch rules[field] {
        case .source?: .source
        case .twenty?: .twenty
        case nil: overwrite ? .source : .twenty
        }
    }
}
