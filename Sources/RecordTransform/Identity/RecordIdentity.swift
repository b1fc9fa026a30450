import Crypto
import Foundation

/// The Twenty id a source record gets: a name-based UUID (version 5, RFC 9562) of the project and the record's
/// object and source id, so every run, and every record referring to it, computes the same id without asking
/// Twenty (DESIGN.md, "Writing to Twenty"). A retried create of that id is recognised as already done.
///
/// The namespace is the project's own id (a UUID); the name is `<source object>/<source id>` in UTF-8, e.g.
/// `contacts/C000123`. The source object is the export's name for it (`contacts`, not `person`), so a remap of the
/// object to another Twenty object does not change its records' ids.
public struct RecordIdentity: Sendable {
    private let namespace: [UInt8]

    /// `projectId`: the project's UUID (project.json). A non-UUID id is hashed into one, so any text works.
    public init(projectId: String) {
        if let uuid = UUID(uuidString: projectId) {
            namespace = withUnsafeBytes(of: uuid.uuid) { Array($0) }
        } else {
            namespace = Array(Insecure.SHA1.hash(data: Array(projectId.utf8)).prefix(16))
        }
    }

    /// The id of record `sourceId` of source object `object`, lower-case as Twenty writes ids.
    public func id(object: String, sourceId: String) -> String {
        var hasher = Insecure.SHA1()
        hasher.update(data: namespace)
        hasher.update(data: Array(object.utf8))
        hasher.update(data: [UInt8(ascii: "/")])
        hasher.update(data: Array(sourceId.utf8))
        var bytes = Array(hasher.finalize().prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return Self.format(bytes)
    }

    private static let hex = Array("0123456789abcdef".utf8)

    static func format(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { out.append(UInt8(ascii: "-")) }
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
