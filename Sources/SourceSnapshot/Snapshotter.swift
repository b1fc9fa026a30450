import AllegoryExport
import Crypto
import Foundation
import Ledger

/// Takes a snapshot of an export (a folder or a zip) into the ledger: `snapshot.taken` with every file's SHA-256, then a
/// `record.extracted` event for each record that is new or changed since the previous snapshot, a
/// `source.finding` for everything odd a reader noticed, `record.missing` for records that disappeared, and
/// `snapshot.completed` with the counts. Every record read is accounted for as extracted or unchanged.
public final class Snapshotter {
    /// Events are appended in transactions of this many.
    static let batchSize = 1000

    private let ledger: Ledger
    private let layout: ExportLayout
    private var pending: [LedgerEvent] = []

    public init(ledger: Ledger, layout: ExportLayout) {
        self.ledger = ledger
        self.layout = layout
        pending.reserveCapacity(Snapshotter.batchSize)
    }

    public func run() throws -> SnapshotCompleted {
        let snapshot = try ledger.latestSnapshot() + 1
        var files: [SnapshotFile] = []
        for file in layout.files {
            // The bytes as they are in the export: a zip entry's, uncompressed.
            let (sha256, bytes) = try layout.source.fingerprint(of: file.path)
            files.append(SnapshotFile(path: file.path, object: file.object, sha256: sha256, bytes: bytes))
        }
        try ledger.append([
            .snapshotTaken(SnapshotTaken(snapshot: snapshot, exportPath: layout.root.path, files: files))
        ])
        for finding in layout.findings {
            let object = layout.files.first {
                $0.path.split(separator: "/").last == finding.file.split(separator: "/").last
            }?.object
            try emit(
                .sourceFinding(
                    SourceFinding(
                        snapshot: snapshot, object: object ?? "", file: finding.file, line: finding.line,
                        kind: finding.kind.rawValue, detail: finding.detail)))
        }
        var counts: [SnapshotFileCounts] = []
        for file in layout.files {
            counts.append(try read(file, snapshot: snapshot))
        }
        try flush()
        let completed = SnapshotCompleted(
            snapshot: snapshot, extracted: counts.reduce(0) { $0 + $1.extracted },
            unchanged: counts.reduce(0) { $0 + $1.unchanged }, missing: counts.reduce(0) { $0 + $1.missing },
            files: counts)
        try ledger.append([.snapshotCompleted(completed)])
        return completed
    }

    private func emit(_ event: LedgerEvent) throws {
        pending.append(event)
        if pending.count >= Snapshotter.batchSize { try flush() }
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        try ledger.append(pending)
        pending.removeAll(keepingCapacity: true)
    }

    /// Reads one file, comparing each record with what the previous snapshots hold for it.
    private func read(_ file: ExportLayout.SourceFile, snapshot: Int) throws -> SnapshotFileCounts {
        // Kept as 32-byte digests, not hex text: a million records fit in well under 100 MB.
        var previous: [String: ContentDigest] = [:]
        try ledger.forEachPresentSourceRecord(object: file.object) { sourceId, hash in
            if let digest = ContentDigest(hex: hash) { previous[sourceId] = digest }
        }
        var counts = SnapshotFileCounts(
            path: file.path, records: 0, extracted: 0, unchanged: 0, missing: 0, findings: 0)

        // A second record with an id already read from this file is a distinct source record: it becomes `id#2`
        // (a third `id#3`), so every record keeps its own identity from one snapshot to the next.
        var seen = Set<String>()
        var repeats: [String: Int] = [:]

        func record(line: Int, values: [String: String], canonical: [UInt8]? = nil, sourceId firstId: String) throws {
            counts.records += 1
            var sourceId = firstId
            if !seen.insert(firstId).inserted {
                let occurrence = repeats[firstId, default: 1] + 1
                repeats[firstId] = occurrence
                sourceId = "\(firstId)#\(occurrence)"
            }
            let canonical = canonical ?? Snapshotter.canonicalBytes(values)
            let digest = SHA256.hash(data: canonical)
            if previous.removeValue(forKey: sourceId) == ContentDigest(digest) {
                counts.unchanged += 1
                return
            }
            let hash = EventHash.hex(digest)
            counts.extracted += 1
            try emit(
                .recordExtracted(
                    RecordExtracted(
                        snapshot: snapshot, object: file.object, sourceId: sourceId, file: file.path, line: line,
                        contentHash: hash, values: values, canonicalValues: canonical)))
        }

        // A zipped export's file is extracted alone for the reader, and removed once read.
        let findings: [ReadFinding] = try layout.withLocalFile(of: file) { path in
            try readRecords(file, at: path, record)
        }
        for finding in findings {
            try emit(
                .sourceFinding(
                    SourceFinding(
                        snapshot: snapshot, object: file.object, file: file.path, line: finding.line,
                        kind: finding.kind.rawValue, detail: finding.detail)))
        }
        counts.findings = findings.count
        for sourceId in previous.keys.sorted() {
            counts.missing += 1
            try emit(.recordMissing(RecordMissing(snapshot: snapshot, object: file.object, sourceId: sourceId)))
        }
        return counts
    }

    /// Reads `file` (at `path` on disk) record by record into `record`; returns the reader's findings.
    private func readRecords(
        _ file: ExportLayout.SourceFile, at path: String,
        _ record: (_ line: Int, _ values: [String: String], _ canonical: [UInt8]?, _ sourceId: String) throws -> Void
    ) throws -> [ReadFinding] {
        switch file.format {
        case .csv:
            let reader = try CSVReader(path: path, fileName: file.path, encoding: layout.encoding(for: file))
            let header = reader.header
            let keys = file.keyColumns.compactMap { HeaderName.find([$0], in: header) }
            // The columns in canonical (byte) order, found once per file, so a record's canonical JSON is written
            // without sorting: it is both what the content hash covers and the payload's `values`.
            let order = header.indices.sorted { CanonicalJSON.utf8Precedes(header[$0], header[$1]) }
            try reader.read { row in
                var values: [String: String] = [:]
                values.reserveCapacity(header.count)
                var writer = CanonicalObjectWriter(capacity: row.byteCount + 24 * header.count)
                for index in order {
                    let value = row[index]
                    values[header[index]] = value
                    writer.member(dynamic: header[index], value)
                }
                let canonical = writer.finish()
                let extras = row.extraCells
                for (offset, extra) in extras.enumerated() { values["(extra cell \(offset + 1))"] = extra }
                let id = keys.count == file.keyColumns.count ? keys.map { row[$0] }.joined(separator: "|") : ""
                try record(
                    row.line, values, extras.isEmpty ? canonical : nil,
                    Snapshotter.sourceId(id, line: row.line, keys: keys.count))
                return true
            }
            return reader.findings
        case .json:
            let reader = JSONRecordReader(path: path, fileName: file.path, encoding: layout.encoding(for: file))
            try reader.read { json in
                let values = Dictionary(json.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
                let ids = file.keyColumns.compactMap { key in
                    json.fields.first { HeaderName.normalize($0.name) == HeaderName.normalize(key) }?.value
                }
                let id = ids.count == file.keyColumns.count ? ids.joined(separator: "|") : ""
                try record(json.line, values, nil, Snapshotter.sourceId(id, line: json.line, keys: ids.count))
                return true
            }
            return reader.findings
        }
    }

    /// A record without an id (or a file without its key column) is still read and kept apart by its line.
    static func sourceId(_ id: String, line: Int, keys: Int) -> String {
        let trimmed = id.trimmingWhitespace
        return keys == 0 || trimmed.isEmpty || trimmed == "|" ? "@line-\(line)" : trimmed
    }

    /// The canonical JSON of the values (keys in byte order): what the content hash covers, so it does not
    /// depend on column order.
    static func canonicalBytes(_ values: [String: String]) -> [UInt8] {
        var writer = CanonicalObjectWriter(capacity: 512)
        for key in values.keys.sorted(by: CanonicalJSON.utf8Precedes) {
            writer.member(dynamic: key, values[key]!)
        }
        return writer.finish()
    }
}
