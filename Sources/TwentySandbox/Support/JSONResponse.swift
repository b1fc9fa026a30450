import CanonicalJSON

extension SandboxResponse {
    /// A JSON answer written canonically, so equal states always give equal bytes.
    static func json(_ status: Int, _ value: JSONValue, recordsWritten: Int = 0) -> SandboxResponse {
        json(status, bytes: CanonicalJSON.bytes(value), recordsWritten: recordsWritten)
    }

    static func json(_ status: Int, bytes: [UInt8], recordsWritten: Int = 0) -> SandboxResponse {
        SandboxResponse(
            status: status, headers: [("content-type", "application/json")], body: bytes,
            recordsWritten: recordsWritten)
    }
}

/// Builds a response body around record bodies that are already canonical JSON, without parsing them again:
/// the hot path of batch create and find many.
struct RecordEnvelope {
    private var out: [UInt8] = []

    /// `{"data":{"<key>":[<records>]}` left open for the trailing members.
    static func list(key: String, records: [[UInt8]]) -> RecordEnvelope {
        var envelope = RecordEnvelope()
        envelope.out.reserveCapacity(records.reduce(64) { $0 + $1.count + 1 })
        envelope.out.append(contentsOf: Array(#"{"data":{"#.utf8))
        CanonicalJSON.writeString(key, into: &envelope.out)
        envelope.out.append(contentsOf: Array(":[".utf8))
        for (index, record) in records.enumerated() {
            if index > 0 { envelope.out.append(UInt8(ascii: ",")) }
            envelope.out.append(contentsOf: record)
        }
        envelope.out.append(contentsOf: Array("]}".utf8))
        return envelope
    }

    /// `{"data":{"<key>":<record>}` left open for the trailing members.
    static func single(key: String, record: [UInt8]) -> RecordEnvelope {
        var envelope = RecordEnvelope()
        envelope.out.append(contentsOf: Array(#"{"data":{"#.utf8))
        CanonicalJSON.writeString(key, into: &envelope.out)
        envelope.out.append(UInt8(ascii: ":"))
        envelope.out.append(contentsOf: record)
        envelope.out.append(UInt8(ascii: "}"))
        return envelope
    }

    /// A top-level member after `data`; callers add them in byte order of their keys.
    mutating func member(_ key: String, _ value: JSONValue) {
        out.append(UInt8(ascii: ","))
        CanonicalJSON.writeString(key, into: &out)
        out.append(UInt8(ascii: ":"))
        CanonicalJSON.write(value, into: &out)
    }

    func finish() -> [UInt8] { out + [UInt8(ascii: "}")] }
}
