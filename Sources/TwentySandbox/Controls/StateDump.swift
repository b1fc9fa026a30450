import CanonicalJSON

/// `GET /_sandbox/state`: the whole workspace as canonical JSON, built only from the database, so the same data
/// gives the same bytes before and after a restart.
///
/// `{"files":[...],"objects":[{"metadata":{...,"fields":[...]},"records":[...]}],"twentyVersion":"v2"}`: objects
/// by singular name, fields by name, records by id (soft-deleted ones included), files by id with the SHA-256
/// of their bytes.
extension Workspace {
    func stateBytes() throws -> [UInt8] {
        var out: [UInt8] = []
        out.append(contentsOf: Array(#"{"files":"#.utf8))
        let files: [JSONValue] = try FileStore(database: database).all().map { file in
            [
                "id": .string(file.id), "name": .string(file.name), "mimeType": .string(file.mimeType),
                "size": .integer(Int64(file.size)), "sha256": .string(file.sha256),
                "createdAt": .string(file.createdAt),
                "fieldMetadataId": file.fieldMetadataId.map { .string($0) } ?? .null,
            ]
        }
        CanonicalJSON.write(.array(files), into: &out)
        out.append(contentsOf: Array(#","objects":["#.utf8))
        for (index, object) in schema.objects.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: Array(#"{"metadata":"#.utf8))
            var metadata = try encodedJSON(object.metadata).objectValue ?? [:]
            metadata["fields"] = .array(try object.fields.map { try encodedJSON($0) })
            CanonicalJSON.write(.object(metadata), into: &out)
            out.append(contentsOf: Array(#","records":["#.utf8))
            let rows = try database.query(sql: "SELECT body FROM \"\(object.table)\" ORDER BY id") {
                Array($0.bytes(0))
            }
            for (rowIndex, row) in rows.enumerated() {
                if rowIndex > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: row)
            }
            out.append(contentsOf: Array("]}".utf8))
        }
        out.append(contentsOf: Array(#"],"twentyVersion":"#.utf8))
        CanonicalJSON.writeString(version.rawValue, into: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    func encodedJSON<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONParser.parse(try CanonicalJSONEncoder().encode(value))
    }
}
