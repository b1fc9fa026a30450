import CanonicalJSON

/// Whether a record in Twenty still holds what the tool wrote: a record someone edited after the write is kept by
/// rollback, not clobbered. Values are compared after the normalisation Twenty applies on write (the sample's
/// comparison), so a lower-cased email or a reformatted phone number is not taken for an edit.
enum EditCheck {
    /// Fields Twenty changes on every write by itself: a difference there is no one's edit.
    static let ignored: Set<String> = ["id", "updatedAt"]

    /// The fields (composite subfields as `field.subfield`) whose value in `held` differs from `written`. With
    /// `unsentFilledBy` (for a record the tool created, which held nothing before), a field the tool did not send
    /// that now holds a value is an edit too, unless it is one Twenty fills by itself (the set given).
    static func changedFields(written: JSONValue, held: JSONValue, unsentFilledBy twenty: Set<String>? = nil)
        -> [String]
    {
        var changed: [String] = []
        if let twenty, case .object(let members) = held {
            let sent = written.objectValue ?? [:]
            for (key, value) in members.sorted(by: { $0.key < $1.key })
            where sent[key] == nil && !ignored.contains(key) && !twenty.contains(key) && !SampleValue.isEmpty(value) {
                changed.append(key)
            }
        }
        for (key, value) in (written.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) where !ignored.contains(key) {
            if case .object(let members) = value {
                for sub in members.keys.sorted() {
                    let path = "\(key).\(sub)"
                    let agrees =
                        FieldComparison.phoneAgrees(path, written, held)
                        ?? SampleValue.agrees(members[sub], held[key]?[sub], path: path)
                    if !agrees { changed.append(path) }
                }
            } else if !SampleValue.agrees(value, held[key], path: key) {
                changed.append(key)
            }
        }
        return changed
    }
}
