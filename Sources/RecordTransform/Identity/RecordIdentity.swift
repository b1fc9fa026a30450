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
        // The name is hashed from one buffer (object, `/`, id): one update, no arrays per part.
        var name = namespace
        name.reserveCapacity(namespace.count + object.utf8.count + 1 + sourceId.utf8.count)
        name.append(contentsOf: object.utf8)
        name.append(UInt8(ascii: "/"))
        name.append(contentsOf: sourceId.utf8)
        let digest = Insecure.SHA1.hash(data: name)
        return digest.withUnsafeBytes { digest in
            String(unsafeUninitializedCapacity: 36) { out in
                var index = 0
                for position in 0..<16 {
                    var byte = digest[position]
                    if position == 6 { byte = (byte & 0x0F) | 0x50 }
                    if position == 8 { byte = (byte & 0x3F) | 0x80 }
                    if position == 4 || position == 6 || position == 8 || position == 10 {
                        out[index] = UInt8(ascii: "-")
                        index += 1
                    }
                    out[index] = Self.hex[Int(byte >> 4)]
                    out[index + 1] = Self.hex[Int(byte & 0x0F)]
                    index += 2
                }
                return index
            }
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)
}
