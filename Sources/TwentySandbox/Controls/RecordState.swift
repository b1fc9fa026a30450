import CanonicalJSON
import Foundation

/// `GET /_sandbox/record-state` and `/_sandbox/record-digest` (its SHA-256): the workspace's records and files as
/// a migration that is correct must reproduce them, for comparing a crashed-and-resumed run with an uninterrupted
/// one. `/_sandbox/digest` hashes everything, and two correct runs differ in what the server makes up itself:
/// - the times of its own clock: `createdAt`, `updatedAt` and `deletedAt` at or after `?clock-from=<ISO 8601>`
///   read `"(server clock)"` (a second-pass PATCH sets `updatedAt` to whenever it happened; the source's own
///   dates, which the run sends, lie before the runs and are kept);
/// - the random ids of uploaded files, written in records as `file:<sha256>:<name>` (by content, which the
///   run must reproduce), and each file's own upload time.
/// Metadata is left out: it is `prepare`'s, not the run's. Records are by object then id; files by content.
/// `{"files":[...],"objects":{"<singular>":[records...]}}`
extension Workspace {
    func recordState(_ request: SandboxRequest) throws -> [UInt8] {
        let clockFrom = request.query.first { $0.name == "clock-from" }.flatMap { Timestamp.parse($0.value) }
        let stored = try FileStore(database: database).all()
        var fileNames: [String: String] = [:]
        for file in stored { fileNames[file.id] = "file:\(file.sha256):\(file.name)" }
        let files: [JSONValue] = stored.map { file in
            [
                "sha256": .string(file.sha256), "name": .string(file.name), "mimeType": .string(file.mimeType),
                "size": .integer(Int64(file.size)),
            ]
        }.sorted { $0.canonicalText < $1.canonicalText }
        var objects: [String: JSONValue] = [:]
        for object in schema.objects {
            let rows = try database.query(sql: "SELECT body FROM \"\(object.table)\" ORDER BY id") {
                Array($0.bytes(0))
            }
            guard !rows.isEmpty else { continue }
            objects[object.metadata.nameSingular] = .array(
                try rows.map { try Self.reproducible(JSONParser.parse($0), clockFrom: clockFrom, files: fileNames) })
        }
        return CanonicalJSON.bytes(["files": .array(files), "objects": .object(objects)])
    }

    private static let serverTimes: Set<String> = ["createdAt", "updatedAt", "deletedAt"]

    private static func reproducible(_ value: JSONValue, clockFrom: Timestamp?, files: [String: String]) -> JSONValue {
        switch value {
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for (key, member) in members {
                if serverTimes.contains(key), let clockFrom, let time = member.stringValue.flatMap(Timestamp.parse),
                    !(time < clockFrom)
                {
                    result[key] = "(server clock)"
                } else {
                    result[key] = reproducible(member, clockFrom: clockFrom, files: files)
                }
            }
            return .object(result)
        case .array(let items): return .array(items.map { reproducible($0, clockFrom: clockFrom, files: files) })
        case .string(let text) where !files.isEmpty && text.utf8.count >= 36:
            var text = text
            for (id, name) in files where text.contains(id) { text = text.replacingOccurrences(of: id, with: name) }
            return .string(text)
        default: return value
        }
    }
}
