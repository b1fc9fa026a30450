import Ledger
import TwentyClient
import TwentyModel

/// Whether removing a field or object `prepare` created would take values from records: Twenty drops a field's
/// column, and an object's table, with whatever they hold. Rollback destroys the tool's own records first, so a
/// record still holding a value in such a field is one rollback kept (edited in Twenty) or one someone made in
/// Twenty since; rollback keeps the field and reports it, as it keeps an edited record, unless `--force`.
struct FieldsInUse {
    let client: TwentyClient
    let workspace: WorkspaceDescription

    /// How many records `inverse` would take a value from; nil when it takes nothing from anyone, or the value
    /// lives on the other side (a one-to-many relation field holds no column of its own).
    func check(_ inverse: SchemaChange) async throws -> Int? {
        guard let object = workspace.object(inverse.object) else { return nil }
        let filter: String?
        switch inverse.op {
        case .deleteObject:
            filter = nil
        case .deleteField:
            guard let name = inverse.field, let field = object.fields.first(where: { $0.name == name }),
                let held = Self.holdsValue(field)
            else { return nil }
            filter = held
        default:
            return nil
        }
        var query: [(name: String, value: String)] = [(name: "limit", value: "1")]
        if let filter { query.append((name: "filter", value: filter)) }
        let answer = try await client.get(TwentyPath.make("rest/\(object.namePlural)", query: query))
        let records = Int(answer["totalCount"]?.numberValue ?? 0)
        return records > 0 ? records : nil
    }

    /// A REST filter matching the records that hold a value in `field`, or nil for a field with no column of its
    /// own. Text counts only when not empty (Twenty stores an unset TEXT as ''); a boolean only when true (Twenty
    /// gives booleans a default, so false is what nobody set); a composite when any of its scalar parts holds
    /// one (its list-valued parts come with their primary part). UNCONFIRMED: that Twenty's filter parser reads `""`
    /// as the empty string (it unquotes quoted values, TWENTY_API §3).
    static func holdsValue(_ field: FieldDescription) -> String? {
        if let relation = field.relation {
            guard relation.kind == .manyToOne, let column = relation.joinColumn else { return nil }
            return "\(column)[is]:NOT_NULL"
        }
        switch field.type {
        case .relation, .actor, .position, .tsVector: return nil
        case .currency: return "\(field.name).amountMicros[is]:NOT_NULL"
        case .phones: return "\(field.name).primaryPhoneNumber[neq]:\"\""
        case .richTextV2: return "\(field.name).markdown[neq]:\"\""
        default: break
        }
        if field.type.isComposite {
            let parts = field.type.subfields.filter { $0.storage != .rawJSON }.map {
                present("\(field.name).\($0.name)", $0.storage)
            }
            return parts.count == 1 ? parts[0] : "or(\(parts.joined(separator: ",")))"
        }
        return present(field.name, field.type)
    }

    private static func present(_ path: String, _ storage: FieldType) -> String {
        switch storage {
        case .text: "\(path)[neq]:\"\""
        case .boolean: "\(path)[eq]:true"
        default: "\(path)[is]:NOT_NULL"
        }
    }
}
