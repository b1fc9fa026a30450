/// The parent of a task, note, activity or attachment whose object its type column names (`Related Type` `Contact`
/// + `Related ID` `C000617`): the map's values say which source object each type value stands for. The link is
/// written as a target record, not a field, but checked and accounted for like any other: a type the map does not
/// know, or an id its object lacks, is a link not written, with its reason.
enum PolymorphicParent {
    static func reference(_ step: FieldStep, id: String, type rawType: String) -> Reference {
        let type = Text.trimmed(rawType)
        guard let object = step.parentObjects[type] else {
            let known = step.parentObjects.keys.sorted().joined(separator: ", ")
            return Reference(
                column: step.column, joinColumn: "", object: type.isEmpty ? "(no type)" : type, sourceId: "", value: id,
                unresolved: .init(
                    .missingParent,
                    type.isEmpty
                        ? "\(step.parentTypeColumn ?? "the type column") is empty, so \(Text.quoted(id)) names no object"
                        : "the type \(Text.quoted(type)) in \(step.parentTypeColumn ?? "the type column") is none the map knows (\(known))"
                ))
        }
        return Reference(column: step.column, joinColumn: "", object: object, sourceId: id)
    }
}
