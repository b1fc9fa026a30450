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

public struct SnapshotFile: Codable, Sendable, Equatable {
    /// Relative to the export folder.
    public var path: String
    public var sha256: String
    public var bytes: Int64
    public var records: Int

    public init(path: String, sha256: String, bytes: Int64, records: Int) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
        self.records = records
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
    /// Column header -> raw cell text, exactly as read.
    public var values: [String: String]

    public init(
        snapshot: Int, object: String, sourceId: String, file: String, line: Int, contentHash: String,
        values: [String: String]
    ) {
        self.snapshot = snapshot
        self.object = object
        self.sourceId = sourceId
        self.file = file
        self.line = line
        self.contentHash = contentHash
        self.values = values
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

/// `snapshot.completed`: every record of the snapshot has been accounted for.
public struct SnapshotCompleted: EventPayload {
    public static let type = EventType.snapshotCompleted
    public var snapshot: Int
    public var extracted: Int
    public var unchanged: Int
    public var missing: Int

    public init(snapshot: Int, extracted: Int, unchanged: Int, missing: Int) {
        self.snapshot = snapshot
        self.extracted = extracted
        self.unchanged = unchanged
        self.missing = missing
    }
}
