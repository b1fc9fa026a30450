import CanonicalJSON

/// `snapshot.taken`: an export folder was read; opens a snapshot whose records follow.
public struct SnapshotTaken: EventPayload {
    public static let type = EventType.snapshotTaken
    /// 1 for the first snapshot of a project, then 2, 3, ...
    public var snapshot: Int
    public var exportPath: String
    public var files: [SnapshotFile]

    public init(snapshot: Int, exportPath: String, files: [SnapshotFile]) {
        self.snapshot = snapshot
        self.exportPath = exportPath
        self.files = files
    }
}

/// A file of the export as it was when the snapshot began.
public struct SnapshotFile: Codable, Sendable, Equatable {
    /// Relative to the export folder.
    public var path: String
    /// The object its records belong to.
    public var object: String
    public var sha256: String
    public var bytes: Int64

    public init(path: String, object: String, sha256: String, bytes: Int64) {
        self.path = path
        self.object = object
        self.sha256 = sha256
        self.bytes = bytes
    }
}

/// What reading one file gave.
public struct SnapshotFileCounts: Codable, Sendable, Equatable {
    public var path: String
    /// Records read (every one is extracted or unchanged).
    public var records: Int
    public var extracted: Int
    public var unchanged: Int
    /// Records of earlier snapshots absent from this file.
    public var missing: Int
    /// Reader findings (each a `source.finding` event).
    public var findings: Int

    public init(path: String, records: Int, extracted: Int, unchanged: Int, missing: Int, findings: Int) {
        self.path = path
        self.records = records
        self.extracted = extracted
        self.unchanged = unchanged
        self.missing = missing
        self.findings = findings
    }
}

/// `record.extracted`: one source record as read from the export, new or changed since the last snapshot.
public struct RecordExtracted: EventPayload {
    public static let type = EventType.recordExtracted
    public var snapshot: Int
    public var object: String?
    public var sourceId: String?
    public var file: String
    public var line: Int
    /// SHA-256 of the canonical JSON of `values`, so it does not depend on column order.
    public var contentHash: String
    /// Column header -> raw cell text, exactly as read. A snapshot hands in only the canonical JSON it hashed
    /// (`canonicalValues`): the dictionary is read back from it when asked for, since appending never needs it and
    /// building one per record was a tenth of a snapshot's time.
    public var values: [String: String] {
        get { givenValues ?? canonicalValues.flatMap(RecordExtracted.values(canonical:)) ?? [:] }
        set {
            givenValues = newValue
            canonicalValues = nil
        }
    }
    private var givenValues: [String: String]?
    /// The canonical JSON of `values`, when the reader already built it to compute `contentHash`: written as is
    /// instead of sorting the values again. Not part of the payload's fields; ignored by `==`.
    public private(set) var canonicalValues: [UInt8]?

    public init(
        snapshot: Int, object: String, sourceId: String, file: String, line: Int, contentHash: String,
        values: [String: String], canonicalValues: [UInt8]? = nil
    ) {
        self.init(
            snapshot: snapshot, object: object, sourceId: sourceId, file: file, line: line, contentHash: contentHash,
            givenValues: values, canonicalValues: canonicalValues)
    }

    /// A record whose values are given only as their canonical JSON (an object of strings, members in byte order,
    /// as `CanonicalObjectWriter` writes it): what the snapshot appends.
    public init(
        snapshot: Int, object: String, sourceId: String, file: String, line: Int, contentHash: String,
        canonicalValues: [UInt8]
    ) {
        self.init(
            snapshot: snapshot, object: object, sourceId: sourceId, file: file, line: line, contentHash: contentHash,
            givenValues: nil, canonicalValues: canonicalValues)
    }

    private init(
        snapshot: Int, object: String, sourceId: String, file: String, line: Int, contentHash: String,
        givenValues: [String: String]?, canonicalValues: [UInt8]?
    ) {
        self.snapshot = snapshot
        self.object = object
        self.sourceId = sourceId
        self.file = file
        self.line = line
        self.contentHash = contentHash
        self.givenValues = givenValues
        self.canonicalValues = canonicalValues
    }

    enum CodingKeys: String, CodingKey { case snapshot, object, sourceId, file, line, contentHash, values }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        snapshot = try container.decode(Int.self, forKey: .snapshot)
        object = try container.decodeIfPresent(String.self, forKey: .object)
        sourceId = try container.decodeIfPresent(String.self, forKey: .sourceId)
        file = try container.decode(String.self, forKey: .file)
        line = try container.decode(Int.self, forKey: .line)
        contentHash = try container.decode(String.self, forKey: .contentHash)
        givenValues = try container.decode([String: String].self, forKey: .values)
        canonicalValues = nil
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(snapshot, forKey: .snapshot)
        try container.encodeIfPresent(object, forKey: .object)
        try container.encodeIfPresent(sourceId, forKey: .sourceId)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(contentHash, forKey: .contentHash)
        try container.encode(values, forKey: .values)
    }

    /// The values an object of strings in canonical JSON holds; nil when the text is not one.
    static func values(canonical: [UInt8]) -> [String: String]? {
        guard case .object(let members)? = try? JSONParser.parse(canonical) else { return nil }
        var values: [String: String] = [:]
        values.reserveCapacity(members.count)
        for (key, value) in members {
            guard let text = value.stringValue else { return nil }
            values[key] = text
        }
        return values
    }

    public static func == (a: RecordExtracted, b: RecordExtracted) -> Bool {
        a.snapshot == b.snapshot && a.object == b.object && a.sourceId == b.sourceId && a.file == b.file
            && a.line == b.line && a.contentHash == b.contentHash && a.values == b.values
    }
}

/// `record.missing`: a record present in an earlier snapshot is absent from this one.
public struct RecordMissing: EventPayload {
    public static let type = EventType.recordMissing
    public var snapshot: Int
    public var object: String?
    public var sourceId: String?

    public init(snapshot: Int, object: String, sourceId: String) {
        self.snapshot = snapshot
        self.object = object
        self.sourceId = sourceId
    }
}

/// `source.finding`: a reader noticed something in a file (a ragged row, a banner line, an encoding, an
/// unterminated quote, ...), with the line.
public struct SourceFinding: EventPayload {
    public static let type = EventType.sourceFinding
    public var snapshot: Int
    public var object: String?
    public var file: String
    public var line: Int
    /// The reader's finding kind (`ragged-row`, `unterminated-quote`, ...).
    public var kind: String
    public var detail: String

    public init(snapshot: Int, object: String, file: String, line: Int, kind: String, detail: String) {
        self.snapshot = snapshot
        self.object = object
        self.file = file
        self.line = line
        self.kind = kind
        self.detail = detail
    }
}

/// `snapshot.completed`: every record of the snapshot has been accounted for.
public struct SnapshotCompleted: EventPayload {
    public static let type = EventType.snapshotCompleted
    public var snapshot: Int
    public var extracted: Int
    public var unchanged: Int
    public var missing: Int
    public var files: [SnapshotFileCounts]

    public init(snapshot: Int, extracted: Int, unchanged: Int, missing: Int, files: [SnapshotFileCounts] = []) {
        self.snapshot = snapshot
        self.extracted = extracted
        self.unchanged = unchanged
        self.missing = missing
        self.files = files
    }
}
