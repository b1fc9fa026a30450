import Ledger
import TwentyClient
import TwentyModel

/// Whether putting a select field's earlier option list back would take values from records: Twenty deletes the
/// options left out of an update and strips their values from every record that holds one (TWENTY_API §5, §11).
/// Once rollback has destroyed the tool's own records, a record still holding an option the tool added is one
/// someone created or edited in Twenty, so rollback keeps the option and reports it, as it keeps an edited record.
struct OptionsInUse {
    let client: TwentyClient
    let workspace: WorkspaceDescription

    /// The options `inverse` would remove that records in Twenty hold, and how many records hold one; nil when
    /// restoring the list takes nothing from anyone.
    func check(_ inverse: SchemaChange) async throws -> (options: [String], records: Int)? {
        guard inverse.op == .updateField, let field = inverse.field,
            let object = workspace.object(inverse.object),
            let type = object.fields.first(where: { $0.name == field })?.type
        else { return nil }
        let earlier = Set(inverse.definition?["options"]?.arrayValue?.compactMap { $0["value"]?.stringValue } ?? [])
        let held = try await SchemaUndo(client: client).metadata().fields["\(inverse.object).\(field)"]?.options ?? []
        let removed = held.filter { !earlier.contains($0) }
        guard !removed.isEmpty else { return nil }
        // A MULTI_SELECT holds a list: any of the removed values in it counts.
        let comparator = type == .multiSelect ? "containsAny" : "in"
        let list = removed.map { "\"\($0)\"" }.joined(separator: ",")
        let answer = try await client.get(
            TwentyPath.make(
                "rest/\(object.namePlural)",
                query: [(name: "filter", value: "\(field)[\(comparator)]:[\(list)]"), (name: "limit", value: "1")]))
        let records = Int(answer["totalCount"]?.numberValue ?? 0)
        return records > 0 ? (removed, records) : nil
    }
}
