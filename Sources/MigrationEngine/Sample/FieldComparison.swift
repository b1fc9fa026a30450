import CanonicalJSON
import FieldMap
import Ledger
import TwentyModel

/// Compares one written record field by field: the source column the map says feeds each field, the value sent
/// (the transformed payload) and the value Twenty holds. Composite fields are compared per subfield; pick-list,
/// owner and relation fields get their own check.
struct FieldComparison {
    let object: ObjectMap
    let description: ObjectDescription?
    let links: [ParentLink]
    /// Workspace member ids, for owner checks.
    let members: Set<String>
    /// The Twenty ids held per parent source object, for relation checks.
    let parentsHeld: [String: Set<String>]
    /// Fields another check compares (an attachment's file).
    var comparedElsewhere: Set<String> = []

    func rows(_ record: PendingWrite, source: [String: String], held: JSONValue?) -> [SampleDiffRow] {
        let sent = record.values
        var rows: [SampleDiffRow] = []
        var covered = Set<String>(["id"]).union(comparedElsewhere)
        func row(_ column: String, _ path: String, _ check: SampleDiffRow.Check, agrees: Bool, note: String = "")
            -> SampleDiffRow
        {
            SampleDiffRow(
                object: object.source, sourceId: record.sourceId, column: column, field: path, check: check,
                source: source[column] ?? "", sent: Self.text(Self.value(sent, path)),
                held: Self.text(held.flatMap { Self.value($0, path) }), agrees: agrees, note: note)
        }
        for link in links {
            covered.insert(link.field)
            let id = sent[link.field]?.stringValue
            let heldId = held?[link.field]?.stringValue
            let parentHeld = id.map { parentsHeld[link.parentSource, default: []].contains($0) } ?? true
            rows.append(
                row(
                    link.column, link.field, link.parentSource == object.source ? .selfLink : .relation,
                    agrees: id == heldId && parentHeld,
                    note: parentHeld ? "" : "the parent \(link.parentSource) record is not in Twenty"))
        }
        for field in object.fields {
            guard let path = field.target, field.transform != .skip, !covered.contains(path) else { continue }
            covered.insert(field.targetField ?? path)
            switch field.transform {
            case .owner:
                let id = Self.value(sent, path)?.stringValue
                let heldId = held.flatMap { Self.value($0, path) }?.stringValue
                let member = heldId.map(members.contains) ?? (id == nil)
                rows.append(
                    row(
                        field.column, path, .owner, agrees: id == heldId && member,
                        note: member ? "" : "not a member of the workspace"))
            case .select, .multiSelect:
                let options = Set(description?.field(named: field.targetField ?? path)?.options?.map(\.value) ?? [])
                let heldValue = held.flatMap { Self.value($0, path) } ?? .null
                let values = heldValue.arrayValue?.compactMap(\.stringValue) ?? heldValue.stringValue.map { [$0] } ?? []
                let outside = values.filter { !options.contains($0) }
                rows.append(
                    row(
                        field.column, path, .option,
                        agrees: outside.isEmpty && SampleValue.agrees(Self.value(sent, path), heldValue, path: path),
                        note: outside.isEmpty ? "" : "not an option: \(outside.joined(separator: ", "))"))
            default:
                rows += valueRows(field.column, path, sent, held, row)
            }
        }
        // What the tool adds on its own (source id, dates) is written too: compared without a source column.
        for key in (sent.objectValue ?? [:]).keys.sorted() where !covered.contains(key) {
            rows += valueRows("", key, sent, held, row)
        }
        // A link to a record of the same object is set by an update after the create, which Twenty dates anew: the
        // source's updatedAt is lost on such records, a disagreement to show with its cause.
        let selfLinked = links.contains {
            $0.parentSource == object.source && sent[$0.field].map { $0 != .null } == true
        }
        if selfLinked {
            for index in rows.indices where rows[index].field == "updatedAt" && !rows[index].agrees {
                rows[index].note =
                    "Twenty dated the second pass that set the link to the parent \(object.source) record"
            }
        }
        return rows
    }

    /// One row per subfield sent for a composite, one row otherwise.
    private func valueRows(
        _ column: String, _ path: String, _ sent: JSONValue, _ held: JSONValue?,
        _ row: (String, String, SampleDiffRow.Check, Bool, String) -> SampleDiffRow
    ) -> [SampleDiffRow] {
        let paths: [String]
        if let members = Self.value(sent, path)?.objectValue, !path.contains(".") {
            paths = members.keys.sorted().map { "\(path).\($0)" }
        } else {
            paths = [path]
        }
        return paths.map { path in
            let agrees =
                Self.phoneAgrees(path, sent, held)
                ?? SampleValue.agrees(Self.value(sent, path), held.flatMap { Self.value($0, path) }, path: path)
            return row(column, path, .value, agrees, "")
        }
    }

    /// A primary phone number compares with its calling code: Twenty may keep `+1 555...` as `555...` and `+1`.
    static func phoneAgrees(_ path: String, _ sent: JSONValue, _ held: JSONValue?) -> Bool? {
        guard path.hasSuffix(".primaryPhoneNumber") else { return nil }
        let root = String(path.dropLast(".primaryPhoneNumber".count))
        func full(_ value: JSONValue?) -> String {
            let number = (value?[root]?["primaryPhoneNumber"]?.stringValue ?? "").filter(\.isNumber)
            let calling = (value?[root]?["primaryPhoneCallingCode"]?.stringValue ?? "").filter(\.isNumber)
            return number.isEmpty || number.hasPrefix(calling) ? number : calling + number
        }
        return full(sent) == full(held)
    }

    /// The value at a field path (`name.firstName`).
    static func value(_ record: JSONValue, _ path: String) -> JSONValue? {
        var current: JSONValue? = record
        for part in path.split(separator: ".") { current = current?[String(part)] }
        return current
    }

    /// A value as a report cell: text as is, anything else as canonical JSON, null as empty.
    static func text(_ value: JSONValue?) -> String {
        switch value {
        case .none, .some(.null): ""
        case .some(.string(let text)): text
        case .some(let other): other.canonicalText
        }
    }
}
