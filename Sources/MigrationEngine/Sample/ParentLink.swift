import FieldMap

/// A column of a source object that names a parent record of another object by its source id, and the join column
/// the transform turns it into (`Company ID` -> `companyId`): what the sample follows to include a sampled child's
/// parents, and what the relation check reads back.
struct ParentLink: Sendable, Equatable {
    var column: String
    /// The join column written (`companyId`).
    var field: String
    /// The source object the parent belongs to.
    var parentSource: String

    /// The object's references to other objects' records, junction ends included (polymorphic parents are per
    /// record: they travel in `PendingWrite.targets`).
    static func of(_ object: ObjectMap) -> [ParentLink] {
        var links = object.fields.compactMap { field -> ParentLink? in
            guard field.transform == .reference, let target = field.target, let parent = field.references else {
                return nil
            }
            return ParentLink(column: field.column, field: target, parentSource: parent)
        }
        if case .junction(let junction) = object.disposition {
            for end in [junction.first, junction.second] {
                links.append(ParentLink(column: end.column, field: end.field + "Id", parentSource: end.sourceObject))
            }
        }
        return links
    }
}
