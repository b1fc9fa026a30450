import CanonicalJSON
import FieldMap
import TwentyModel

/// The columns of one Twenty object's import file, labelled as Twenty's in-app importer offers its fields: a field's
/// label; `Label / Subfield label` for each subfield of a composite (`Name / First Name`, `Emails / Primary Email`,
/// `Amount / Amount`); `Label (ID)` for a many-to-one relation; `Id` for the record id, on which the import upserts.
/// (Twenty's `useBuildAvailableFieldsForImport` and `COMPOSITE_FIELD_SUB_FIELD_LABELS`, twenty-front and
/// twenty-shared, about v1.x to v2.x.)
public struct ImportColumns: Sendable {
    /// One column: the header, and the payload path it reads (`field` or `field.subfield`).
    public struct Column: Sendable, Equatable {
        public var header: String
        public var field: String
        public var subfield: String?
    }

    /// Subfield labels as Twenty's importer spells them.
    static let subfieldLabels: [String: String] = [
        "firstName": "First Name", "lastName": "Last Name",
        "primaryEmail": "Primary Email", "additionalEmails": "Additional Emails",
        "primaryLinkUrl": "Link URL", "primaryLinkLabel": "Link Label", "secondaryLinks": "Secondary Links",
        "primaryPhoneNumber": "Primary Phone Number", "primaryPhoneCountryCode": "Primary Phone Country Code",
        "primaryPhoneCallingCode": "Primary Phone Calling Code", "additionalPhones": "Additional Phones",
        "amountMicros": "Amount", "currencyCode": "Currency",
        "addressStreet1": "Address 1", "addressStreet2": "Address 2", "addressCity": "City",
        "addressState": "State", "addressCountry": "Country", "addressPostcode": "Post Code",
        "addressLat": "Latitude", "addressLng": "Longitude",
        "markdown": "Markdown", "blocknote": "BlockNote",
    ]

    public private(set) var columns: [Column] = []
    private var seen: Set<String> = []
    private let object: ObjectDescription?
    private let newFields: [String: NewField]

    /// `object` is the target as the catalog describes it (nil for a custom object the map creates); `newFields`
    /// the fields the map creates on it, whose labels the catalog does not know yet.
    public init(object: ObjectDescription?, newFields: [NewField]) {
        self.object = object
        self.newFields = Dictionary(newFields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Adds the columns a payload needs that earlier payloads did not; `id` first.
    public mutating func include(_ values: JSONValue) {
        let members = values.objectValue ?? [:]
        if members["id"] != nil { add(Column(header: "Id", field: "id", subfield: nil)) }
        for (field, value) in members.sorted(by: { $0.key < $1.key }) where field != "id" {
            if case .object(let subfields) = value, isComposite(field) {
                for subfield in subfields.keys {
                    let sublabel = Self.subfieldLabels[subfield] ?? subfield
                    add(Column(header: "\(label(field)) / \(sublabel)", field: field, subfield: subfield))
                }
            } else {
                add(Column(header: label(field), field: field, subfield: nil))
            }
        }
    }

    /// Keeps the columns in one order whatever order payloads revealed them in: `Id`, then by field name, a
    /// composite's subfields in Twenty's order.
    private mutating func add(_ column: Column) {
        let key = column.field + "." + (column.subfield ?? "")
        guard !seen.contains(key) else { return }
        seen.insert(key)
        let order = rank(column)
        let position = columns.firstIndex { order < rank($0) } ?? columns.endIndex
        columns.insert(column, at: position)
    }

    private func rank(_ column: Column) -> (Int, String, Int, String) {
        let subfields = subfieldNames(column.field)
        return (
            column.field == "id" ? 0 : 1, column.field,
            column.subfield.flatMap { subfields.firstIndex(of: $0) } ?? Int.max, column.subfield ?? ""
        )
    }

    /// The cells of one payload, in column order, each neutralised against formula injection.
    public func row(_ values: JSONValue) -> [String] {
        columns.map { column in
            var value = values[column.field] ?? .null
            if let subfield = column.subfield { value = value[subfield] ?? .null }
            // The importer takes an amount in currency units and converts it to micros itself.
            if column.subfield == "amountMicros", let micros = value.numberValue {
                return SpreadsheetCell.neutralised(SpreadsheetCell.decimal(micros / 1_000_000))
            }
            return SpreadsheetCell.neutralised(SpreadsheetCell.text(value))
        }
    }

    /// The label Twenty shows for a field: the catalog's or the map's, `Label (ID)` for a relation's join column,
    /// and the field's own name for one neither knows.
    func label(_ field: String) -> String {
        if let relation = object?.relation(joinColumn: field) { return "\(relation.label) (ID)" }
        if let described = object?.field(named: field) { return described.label }
        if let created = newFields[field] { return created.label }
        if field.hasSuffix("Id"), let created = newFields[String(field.dropLast(2))] { return "\(created.label) (ID)" }
        return field
    }

    private func isComposite(_ field: String) -> Bool {
        if let type = object?.field(named: field)?.type ?? newFields[field]?.type { return !type.subfields.isEmpty }
        // A field neither knows: an object value is a composite the transform built.
        return true
    }

    /// The subfields of the field's type in Twenty's order (empty when the type is unknown).
    private func subfieldNames(_ field: String) -> [String] {
        let type = object?.field(named: field)?.type ?? newFields[field]?.type
        return (type?.subfields ?? []).map(\.name)
    }
}
