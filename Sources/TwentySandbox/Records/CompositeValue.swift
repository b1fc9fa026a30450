import CanonicalJSON
import TwentyModel

/// Composite values as Twenty stores them: every subfield present, unset ones at the column default.
///
/// The defaults follow `generateDefaultValue` (`S/engine/metadata-modules/field-metadata/utils/
/// generate-default-value.ts`): text subfields `''`, list and number subfields `null`; ACTOR defaults to
/// `{source: MANUAL, name: '', workspaceMemberId: null, context: {}}`.
enum CompositeValue {
    static func empty(_ type: FieldType) -> JSONValue {
        CompositeShape.of(type).map { .object($0.empty) } ?? .null
    }

    static func makeEmpty(_ type: FieldType) -> [String: JSONValue] {
        switch type {
        case .actor:
            return ["source": "MANUAL", "name": "", "workspaceMemberId": .null, "context": [:]]
        case .richTextV2:
            return ["blocknote": .null, "markdown": .null]
        default:
            var members: [String: JSONValue] = [:]
            for subfield in type.subfields {
                members[subfield.name] = subfield.storage == .text ? .string("") : .null
            }
            return members
        }
    }
}

/// What the write path needs to know about one composite type, computed once per process: `FieldType.subfields`
/// builds a new array on every call, and a record write asks for it several times per field.
struct CompositeShape: Sendable {
    /// The subfield names a client may send.
    let names: Set<String>
    /// The stored value when nothing was sent (see `CompositeValue`).
    let empty: [String: JSONValue]
    /// The subfields in canonical order, for writing a stored value without sorting it.
    let layout: CanonicalMembers

    static func of(_ type: FieldType) -> CompositeShape? { all[type] }

    private static let all: [FieldType: CompositeShape] = {
        var shapes: [FieldType: CompositeShape] = [:]
        for type in FieldType.allCases where type.isComposite {
            let names = type.subfields.map(\.name)
            shapes[type] = CompositeShape(
                names: Set(names), empty: CompositeValue.makeEmpty(type),
                layout: CanonicalMembers(names: names, nested: [:]))
        }
        return shapes
    }()
}
