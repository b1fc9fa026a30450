import CanonicalJSON

/// Whether a record in Twenty still holds what the tool wrote: a record someone edited after the write is kept by
/// rollback, not clobbered. Values are compared after the normalisation Twenty applies on write (the sample's
/// comparison), so a lower-cased email or a reformatted phone number is not taken for an edit.
enum EditCheck {
    /// Fields Twenty changes on every write by itself: a difference there is no one's edit.
    static let ignored: Set<String> = ["id", "updatedAt"]

    /// The fields (composite subfields as `field.subfield`) whose value in `held` differs from `written`.
    static func changedFields(written: JSONValue, held: JSONValue) -> [String] {
        var changed: [String] = []
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
