import CanonicalJSON

/// A field as the export describes it: in `custom_fields.csv` for standard objects, in `<name>.schema.json` for
/// custom objects.
public struct FieldDefinition: Sendable, Equatable {
    /// Allegory's field types (`text, number, date, datetime, boolean, picklist, multipicklist, currency, email,
    /// phone, url, lookup`); anything else is kept as written.
    public let name: String
    public let label: String
    public let type: String
    public let picklistValues: [String]
    public let required: Bool
    /// For a lookup: the object it points at, when given.
    public let lookupObject: String?
}

/// A custom object's schema file.
public struct CustomObjectSchema: Sendable, Equatable {
    public let object: String
    public let label: String
    public let pluralLabel: String
    /// The column that identifies a record, when the schema names it.
    public let keyColumn: String?
    public let fields: [FieldDefinition]
}

/// Reads the field dictionaries of an export. Problems become findings with their file and line, like the readers'.
public enum FieldDefinitions {
    /// `custom_fields.csv`: object -> its custom fields, in file order.
    public static func customFields(at path: String, fileName: String = "custom_fields.csv") throws
        -> (fields: [String: [FieldDefinition]], findings: [ReadFinding])
    {
        let reader = try CSVReader(path: path, fileName: fileName)
        let header = reader.header
        func column(_ name: String) -> Int? { HeaderName.find([name], in: header) }
        var fields: [String: [FieldDefinition]] = [:]
        guard let object = column("Object"), let field = column("Field") else {
            let missing = ReadFinding(
                kind: .emptyHeader, file: fileName, line: reader.dialect.headerLine,
                detail: "needs the columns Object and Field")
            return ([:], reader.findings + [missing])
        }
        let label = column("Label")
        let type = column("Type")
        let picklist = column("Picklist Values")
        try reader.read { row in
            let name = row[field].trimmingWhitespace
            guard !name.isEmpty else { return true }
            let values =
                picklist.map {
                    row[$0].split(separator: ";").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
                } ?? []
            fields[row[object].trimmingWhitespace.lowercased(), default: []].append(
                FieldDefinition(
                    name: name, label: label.map { row[$0] }.flatMap { $0.isEmpty ? nil : $0 } ?? name,
                    type: type.map { row[$0].trimmingWhitespace.lowercased() } ?? "text", picklistValues: values,
                    required: false, lookupObject: nil))
            return true
        }
        return (fields, reader.findings)
    }

    /// `custom_objects/<name>.schema.json`.
    public static func customObjectSchema(object: String, at path: String) throws -> CustomObjectSchema {
        let stream = try DecodedByteStream(path: path)
        var bytes: [UInt8] = []
        while let chunk = try stream.next() { bytes += chunk.bytes }
        let json = try JSONParser.parse(bytes)
        let members = json.objectValue ?? [:]
        let fields: [FieldDefinition] =
            (members["fields"].flatMap { value -> [JSONValue]? in
                if case .array(let items) = value { return items }
                return nil
            } ?? []).compactMap { item in
                guard let name = item["name"]?.stringValue ?? item["label"]?.stringValue else { return nil }
                var picklist: [String] = []
                if case .array(let values)? = item["picklistValues"] { picklist = values.compactMap(\.stringValue) }
                var required = false
                if case .bool(let flag)? = item["required"] { required = flag }
                return FieldDefinition(
                    name: name, label: item["label"]?.stringValue ?? name,
                    type: item["type"]?.stringValue?.lowercased() ?? "text",
                    picklistValues: picklist, required: required,
                    lookupObject: item["lookup"]?["object"]?.stringValue ?? item["lookupObject"]?.stringValue)
            }
        return CustomObjectSchema(
            object: object, label: members["label"]?.stringValue ?? object,
            pluralLabel: members["pluralLabel"]?.stringValue ?? members["plural label"]?.stringValue ?? object,
            keyColumn: members["keyColumn"]?.stringValue, fields: fields)
    }
}
