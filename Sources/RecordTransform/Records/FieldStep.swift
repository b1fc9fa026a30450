import AllegoryExport
import ExportUnderstanding
import FieldMap
import TwentyModel

/// One column's transform, resolved once per object map so records do no lookups by name: the column, where it
/// lands (field and subfield), the Twenty type of that field when known, and the transform's parameters. A class,
/// so that walking a record's steps does not copy each step's strings.
final class FieldStep: Sendable {
    let column: String
    let field: String
    let subfield: String?
    let fieldType: FieldType?
    let transform: Transform
    /// The column's date format; nil when the map records none (each value's own form then decides).
    let format: TimestampFormat?
    /// The column's decimal mark for numbers and amounts; nil reads a point.
    let convention: DecimalConvention?
    let options: OptionValues?
    let separator: String?
    let references: String?
    /// How a reference's values name their records, when not by id.
    let matchBy: MatchBy?
    /// For a parent of a type named per record: the column naming the type, and each type's source object.
    let parentTypeColumn: String?
    let parentObjects: [String: String]

    init(_ mapping: FieldMapping, target: String, description: ObjectDescription?) {
        column = mapping.column
        let parts = target.split(separator: ".", maxSplits: 1).map(String.init)
        // An empty target: a parent written as a target record, read for its link only.
        field = parts.first ?? ""
        fieldType =
            description?.field(named: field)?.type ?? description?.relation(joinColumn: field).map { _ in .uuid }
        // A field the workspace holds as a scalar (TEXT where the catalogue has EMAILS) takes the whole value: the
        // subfield the map names does not exist there.
        subfield = parts.count > 1 && fieldType?.isComposite != false ? parts[1] : nil
        transform = mapping.transform
        format = mapping.format.flatMap(TimestampFormat.init(mapName:))
        convention = mapping.decimalSeparator.flatMap(DecimalConvention.init(decimalSeparator:))
        options = mapping.transform == .select || mapping.transform == .multiSelect ? OptionValues(mapping.values) : nil
        separator = mapping.separator
        references = mapping.references
        matchBy = mapping.matchBy.flatMap(MatchBy.init(rawValue:)).flatMap { $0 == .id ? nil : $0 }
        // With no type -> object values every record's link is one the map cannot place: recorded as not written, never dropped.
        let polymorphic = mapping.isPolymorphicParent
        parentTypeColumn = polymorphic ? mapping.references : nil
        parentObjects =
            polymorphic
            ? Dictionary(mapping.values.map { ($0.source, $0.target) }, uniquingKeysWith: { first, _ in first }) : [:]
    }

    /// One end of a junction record: a many-to-one relation filled from a source id.
    init(junctionColumn column: String, field: String, references: String) {
        self.column = column
        self.field = field
        subfield = nil
        fieldType = .uuid
        transform = .reference
        format = nil
        convention = nil
        options = nil
        separator = nil
        self.references = references
        matchBy = nil
        parentTypeColumn = nil
        parentObjects = [:]
    }
}
