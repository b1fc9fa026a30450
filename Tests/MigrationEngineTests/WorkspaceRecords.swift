import CanonicalJSON
import Testing

/// Reading `/_sandbox/record-state` (`{"files":[...],"objects":{"<singular>":[records...]}}`) for the checks the
/// crash and fault tests make.
enum WorkspaceRecords {
    /// The part two correct runs must agree on: records and the files they refer to.
    static func compared(_ state: JSONValue) -> JSONValue {
        var members = state.objectValue ?? [:]
        members["unreferencedFiles"] = nil
        return .object(members)
    }

    /// A file uploaded whose record was never written is storage no user sees, but storage all the same. Every
    /// upload is recorded before its call and its file reused on resume, which leaves one window: a crash after
    /// Twenty stored the bytes and before the ledger recorded its answer (the file's id, which Twenty chooses).
    /// The resumed run uploads the bytes again. Known, and left: the ledger knows the attempt, not the file.
    /// `answerLost`: the crash came right after an HTTP call took effect, the one case where one file may be left.
    static func expectNoUnreferencedFiles(_ state: JSONValue, _ context: String, answerLost: Bool) {
        guard let count = state["unreferencedFiles"]?.numberValue.map(Int.init), count > 0 else { return }
        guard answerLost, count == 1 else {
            Issue.record("\(context): \(count) uploaded file(s) no record refers to")
            return
        }
        withKnownIssue("a crash between an upload's answer and its record in the ledger re-uploads the file on resume")
        {
            Issue.record("\(context): \(count) uploaded file(s) no record refers to")
        }
    }

    /// Source ids held by more than one live record of an object: `object/allegoryId` and how many.
    static func duplicates(in state: JSONValue) -> [String: Int] {
        var counts: [String: Int] = [:]
        for (object, records) in state["objects"]?.objectValue ?? [:] {
            for record in records.arrayValue ?? [] where (record["deletedAt"] ?? JSONValue.null) == JSONValue.null {
                guard let sourceId = record["allegoryId"]?.stringValue else { continue }
                counts["\(object)/\(sourceId)", default: 0] += 1
            }
        }
        return counts.filter { $0.value > 1 }
    }

    /// Where two states differ, in a sentence short enough for a failure message: per object, the counts, and the
    /// first record that differs with the fields that differ.
    static func difference(_ expected: JSONValue, _ got: JSONValue) -> String {
        var lines: [String] = []
        if expected["files"] != got["files"] {
            lines.append(
                "files: \(expected["files"]?.arrayValue?.count ?? 0) expected, \(got["files"]?.arrayValue?.count ?? 0) held"
            )
        }
        let wanted = expected["objects"]?.objectValue ?? [:]
        let held = got["objects"]?.objectValue ?? [:]
        for object in Set(wanted.keys).union(held.keys).sorted() where wanted[object] != held[object] {
            let a = wanted[object]?.arrayValue ?? []
            let b = held[object]?.arrayValue ?? []
            var line = "\(object): \(a.count) expected, \(b.count) held"
            let byId = Dictionary(b.map { ($0["id"]?.stringValue ?? "", $0) }, uniquingKeysWith: { first, _ in first })
            if let record = a.first(where: { byId[$0["id"]?.stringValue ?? ""] != $0 }) {
                let id = record["id"]?.stringValue ?? ""
                if let other = byId[id] {
                    let keys = Set(record.objectValue.map { Array($0.keys) } ?? [])
                        .union(other.objectValue.map { Array($0.keys) } ?? [])
                    let differing = keys.filter { record[$0] != other[$0] }.sorted().map {
                        "\($0): \(record[$0]?.canonicalText ?? "absent") -> \(other[$0]?.canonicalText ?? "absent")"
                    }
                    line += "; \(id) differs in \(differing.joined(separator: ", "))"
                } else {
                    line += "; \(id) missing"
                }
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The small export must exercise every step the crash matrix is about, or a sweep proves less than it says.
    static func requireSmallExportCoverage(_ state: JSONValue) throws {
        let objects = state["objects"]?.objectValue ?? [:]
        for object in ["company", "person", "opportunity", "task", "taskTarget", "note", "noteTarget", "attachment"] {
            #expect((objects[object]?.arrayValue?.count ?? 0) > 0, "the export wrote no \(object)")
        }
        let companies = objects["company"]?.arrayValue ?? []
        #expect(
            companies.contains { $0["parentCompanyId"]?.stringValue != nil }, "no company has its parent linked")
        #expect((state["files"]?.arrayValue?.count ?? 0) > 0, "no attachment's file was uploaded")
    }
}
