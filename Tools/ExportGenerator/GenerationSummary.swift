/// What one generation wrote: every file with its record count and size, the date format of each date
/// column, and the planted defects (the content of planted-defects.json).
public struct GenerationSummary: Sendable {
    public struct File: Sendable, Hashable {
        /// Relative to the export directory; `files/` stands for all attachment files together.
        public let path: String
        /// Records (rows) written, or nil for a file that holds none (the manifest, a schema).
        public let records: Int?
        public let bytes: Int

        public init(path: String, records: Int?, bytes: Int) {
            self.path = path
            self.records = records
            self.bytes = bytes
        }
    }

    public let files: [File]
    public let defects: [PlantedDefect]
    /// file -> column -> format name (`DateFormat.rawValue`).
    public let dateFormats: [String: [String: String]]

    public var recordCounts: [String: Int] {
        Dictionary(uniqueKeysWithValues: files.compactMap { file in file.records.map { (file.path, $0) } })
    }

    public var totalBytes: Int { files.reduce(0) { $0 + $1.bytes } }

    /// How many defects of each kind were planted, in the order of `DefectKind.allCases`.
    public var defectCounts: [(kind: DefectKind, count: Int)] {
        DefectKind.allCases.compactMap { kind in
            let count = defects.count { $0.kind == kind }
            return count > 0 ? (kind, count) : nil
        }
    }
}
