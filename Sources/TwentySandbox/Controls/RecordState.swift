import CanonicalJSON
import Foundation

/// `GET /_sandbox/record-state` and `/_sandbox/record-digest`: the workspace's records and files as a migration
/// that is correct must reproduce them, for comparing a crashed-and-resumed run with an uninterrupted one.
/// `/_sandbox/digest` hashes everything, and two correct runs differ in what the server makes up itself:
/// - the times of its own clock: `createdAt`, `updatedAt` and `deletedAt` at or after `?clock-from=<ISO 8601>`
///   read `"(server clock)"` (a second-pass PATCH sets `updatedAt` to whenever it happened; the source's own
///   dates, which the run sends, lie before the runs and are kept);
/// - the random ids of uploaded files, written in records as `file:<sha256>:<name>` (by content, which the
///   run must reproduce), and each file's own upload time.
/// Files no record refers to (an upload whose record was never written: storage no user sees) are only counted,
/// apart, so a test can hold them to zero without their ids entering the comparison. Metadata is left out: it is
/// `prepare`'s, not the run's. Records are by object then id; files by content.
/// `{"files":[...],"objects":{"<singular>":[records...]},"unreferencedFiles":0}`; the digest answer is
/// `{"digest":"<SHA-256 of files and objects>","unreferencedFiles":0}`.
extension Workspace {
    func recordState(_ request: SandboxRequest) throws -> (compared: JSONValue, unreferencedFiles: Int) {
        let clockFrom = request.query.first { $0.name == "clock-from" }.flatMap { Timestamp.parse($0.value) }
        let stored = try FileStore(database: database).all()
        var fileNames: [String: String] = [:]
        for file in stored { fileNames[file.id] = "file:\(file.sha256):\(file.name)" }
        var referenced: Set<String> = []
        var objects: [String: JSONValue] = [:]
        for object in schema.objects {
            let rows = try database.query(sql: "SELECT body FROM \"\(object.table)\" ORDER BY id") {
                Array($0.bytes(0))
            }
            guard !rows.isEmpty else { continue }
            objects[object.metadata.nameSingular] = .array(
                try rows.map {
                    try Self.reproducible(
                        JSONParser.parse($0), clockFrom: clockFrom, files: fileNames, referenced: &referenced)
                })
        }
        let files: [JSONValue] = stored.filter { referenced.contains($0.id) }.map { file in
            [
                "sha256": .string(file.sha256), "name": .string(file.name), "mimeType": .string(file.mimeType),
                "size": .integer(Int64(file.size)),
            ]
        }.sorted { $0.canonicalText < $1.canonicalText }
        return (["files": .array(files), "objects": .object(objects)], stored.count - files.count)
    }

    private static let serverTimes: Set<String> = ["createdAt", "updatedAt", "deletedAt"]

    private static func reproducible(
        _ value: JSONValue, clockFrom: Timestamp?, files: [String: String], referenced: inout Set<String>
    ) -> JSONValue {
        switch value {
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for (key, member) in members {
                if serverTimes.contains(key), let clockFrom, let time = member.stringValue.flatMap(Timestamp.parse),
                    !(time < clockFrom)
                {
                    result[key] = "(server clock)"
                } else {
                    result[key] = reproducible(member, clockFrom: clockFrom, files: files, referenced: &referenced)
                }
            }
            return .object(result)
        case .array(let items):
            return .array(items.map { reproducible($0, clockFrom: clockFrom, files: files, referenced: &referenced) })
        case .string(let text) where !files.isEmpty && text.utf8.count >= 36:
            var text = text
            for (id, name) in files where text.contains(id) {
                text = text.replacingOccurrences(of: id, with: name)
                referenced.insert(id)
            }
            return .string(text)
        default: return value
        }
    }
}
