import CanonicalJSON
import TwentyModel

/// One object of the workspace as the metadata API describes it (`objects` in
/// `S/engine/api/rest/metadata/query-builder/utils/fetch-metadata-fields.utils.ts` lists these members).
struct ObjectMetadata: Codable, Sendable, Hashable {
    var id: String
    var nameSingular: String
    var namePlural: String
    var labelSingular: String
    var labelPlural: String
    var description: String?
    var icon: String?
    var isCustom: Bool
    var isActive: Bool
    var isSystem: Bool
    var createdAt: String
    var updatedAt: String
    var labelIdentifierFieldMetadataId: String?

    /// Records live in one table per object, named by the object's id so renaming an object moves nothing.
    var recordTable: String { "records_" + id.replacingOccurrences(of: "-", with: "") }
}

/// One SELECT / MULTI_SELECT option with the id Twenty gives it.
struct FieldOption: Codable, Sendable, Hashable {
    var id: String
    var value: String
    var label: String
    var color: String
    var position: Int
}

/// The relation half of a RELATION field: which object and field sit at the other end, and for the many-to-one
/// side the join column a client writes (`companyId`).
struct RelationLink: Codable, Sendable, Hashable {
    var type: RelationDescription.Kind
    var targetObjectMetadataId: String
    var targetFieldMetadataId: String
    var joinColumnName: String?
    /// `SET_NULL` or `CASCADE`, applied when the record pointed at is destroyed.
    var onDelete: String?
}

/// One field of an object as the metadata API describes it.
struct FieldMetadata: Codable, Sendable, Hashable {
    var id: String
    var objectMetadataId: String
    var name: String
    var label: String
    var type: FieldType
    var description: String?
    var icon: String?
    var isCustom: Bool
    var isActive: Bool
    var isSystem: Bool
    var isNullable: Bool
    var isUnique: Bool
    /// As Twenty spells it: a SELECT default is the quoted literal `"'NEW'"`, a composite default an object.
    var defaultValue: JSONValue?
    var options: [FieldOption]?
    var settings: JSONValue?
    var relation: RelationLink?
    var createdAt: String
    var updatedAt: String

    /// The key this field's value has in a stored record: the join column for a many-to-one relation, nothing
    /// for a one-to-many side (it is computed from the other side, never stored).
    var storageKey: String? {
        guard type == .relation else { return name }
        guard let relation, relation.type == .manyToOne else { return nil }
        return relation.joinColumnName ?? name + "Id"
    }

    /// The JSON path of the value a uniqueness rule applies to: the primary subfield of a composite.
    var uniquePath: String? {
        guard isUnique else { return nil }
        switch type {
        case .emails: return name + ".primaryEmail"
        case .links: return name + ".primaryLinkUrl"
        case .phones: return name + ".primaryPhoneNumber"
        default: return type.isComposite ? name + "." + type.subfields[0].name : name
        }
    }

    /// The default a record gets when the field is not sent, with Twenty's quotes taken off.
    var recordDefault: JSONValue {
        switch defaultValue {
        case .string(let text) where text.hasPrefix("'") && text.hasSuffix("'") && text.count >= 2:
            return .string(String(text.dropFirst().dropLast()))
        case .some(let value) where !type.isComposite: return value
        default: return CompositeValue.empty(type)
        }
    }
}
