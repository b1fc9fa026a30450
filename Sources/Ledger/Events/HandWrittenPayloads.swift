import CanonicalJSON

// The payloads appended once per source record write their canonical JSON by hand (see CanonicalJSONWritable).
// Members are listed in byte order of their keys; optional members are omitted when absent, as Codable does.

extension RecordExtracted: CanonicalJSONWritable {
    public func writeCanonical(into out: inout [UInt8]) {
        writeObject(into: &out) { w in
            w.member("contentHash", contentHash)
            w.member("file", file)
            w.member("line", line)
            w.member("object", object)
            w.member("snapshot", snapshot)
            w.member("sourceId", sourceId)
            if let canonicalValues {
                w.member("values", canonicalJSON: canonicalValues)
            } else {
                w.member("values", strings: values)
            }
        }
    }
}

extension RecordTransformed: CanonicalJSONWritable {
    public func writeCanonical(into out: inout [UInt8]) {
        writeObject(into: &out) { w in
            w.member("mapSha256", mapSha256)
            w.member("object", object)
            w.member("sourceId", sourceId)
            w.member("targetObject", targetObject)
            if let targets { w.member("targets", JSONValue.array(targets.map(\.json))) }
            w.member("values", values)
        }
    }
}

extension RecordExcluded: CanonicalJSONWritable {
    public func writeCanonical(into out: inout [UInt8]) {
        writeObject(into: &out) { w in
            w.member("object", object)
            w.member("reason", reason)
            w.member("rule", rule)
            w.member("sourceId", sourceId)
            w.member("twentyId", twentyId)
        }
    }
}

extension RecordCreated: CanonicalJSONWritable {
    public func writeCanonical(into out: inout [UInt8]) {
        writeObject(into: &out) { w in
            w.member("batchId", batchId)
            w.member("heldUpdatedAt", heldUpdatedAt)
            w.member("object", object)
            w.member("sourceId", sourceId)
            w.member("sourceObject", sourceObject)
            w.member("twentyId", twentyId)
            w.member("values", values)
        }
    }
}

extension RecordUpdated: CanonicalJSONWritable {
    public func writeCanonical(into out: inout [UInt8]) {
        writeObject(into: &out) { w in
            w.member("batchId", batchId)
            w.member("before", before)
            w.member("object", object)
            w.member("sourceId", sourceId)
            w.member("sourceObject", sourceObject)
            w.member("twentyId", twentyId)
            w.member("values", values)
        }
    }
}

extension RecordDeleted: CanonicalJSONWritable {
    public func writeCanonical(into out: inout [UInt8]) {
        writeObject(into: &out) { w in
            w.member("batchId", batchId)
            w.member("before", before)
            w.member("object", object)
            w.member("soft", soft)
            w.member("sourceId", sourceId)
            w.member("sourceObject", sourceObject)
            w.member("twentyId", twentyId)
        }
    }
}
