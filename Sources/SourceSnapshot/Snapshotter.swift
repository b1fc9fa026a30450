import AllegoryExport
import CanonicalJSON
import Crypto
import ExportUnderstanding
import Foundation
import Ledger

/// Takes a snapshot of an export folder into the ledger: `snapshot.taken` with every file's SHA-256, then a
/// `record.extracted` event for each record that is new or changed since the previous snapshot, a
/// `source.finding` for everything odd a reader noticed, `record.missing` for records that disappeared, and
/// `snapshot.completed` with the counts. Every record read is accounted for as extracted or unchanged.
///
/// Before any record is read, the export is understood (`export.understood`): each record's source id is the value
/// of the key column that understanding decided, so an export whose id column has an unfamiliar name, or none, still
/// gives every record an identity that survives a reordered export.
public final class Snapshotter {
    /// Events are appended in transactions of this many.
    static let batchSize = 1000

    private let ledger: Ledger
    private let layout: ExportLayout
    private var pending: [LedgerEvent] = []
    /// What the snapshot understood of the export (available after `run()`).
    public private(set) var understanding: ExportUnderstanding?

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
        let (understanding, repeatedKeys) = try Understander(
            layout: layout, previous: try UnderstandingRecord.latest(in: ledger)
        ).understandWithRepeatedKeys()
        self.understanding = understanding
        try ledger.append([
            .snapshotTaken(SnapshotTaken(snapshot: snapshot, exportPath: layout.root.path, files: files)),
            try UnderstandingRecord.event(snapshot: snapshot, understanding),
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
            counts.append(
                try read(
                    file, understood: understanding.file(path: file.path), repeated: repeatedKeys[file.path],
                    snapshot: snapshot))
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
    private func read(
        _ file: ExportLayout.SourceFile, understood: FileUnderstanding?, repeated: RepeatedKeys?, snapshot: Int
    ) throws
        -> SnapshotFileCounts
    {
        let keyColumns = understood?.keyColumns ?? file.keyColumns
        // A natural key (an email, a domain, a name) identifies a record whatever its case or spacing.
        let fold = understood?.keyKind == .natural
        // Kept as 32-byte digests, not hex text: a million records fit in well under 100 MB.
        var previous: [String: ContentDigest] = [:]
        try ledger.forEachPresentSourceRecord(object: file.object) { sourceId, hash in
            if let digest = ContentDigest(hex: hash) { previous[sourceId] = digest }
        }
        var counts = SnapshotFileCounts(
            path: file.path, records: 0, extracted: 0, unchanged: 0, missing: 0, findings: 0)

        // Records sharing an id are distinct source records: `id`, `id#2`, `id#3`. Which gets which follows their
        // content, not their order (they are held back to the end of the file and ordered by content hash, the one
        // the previous snapshot held under `id` first), so a reordered export keeps every identity; each one after
        // the first line is a duplicate-id finding.
        var seen = Set<String>()
        var repeats: [String: Int] = [:]
        typealias HeldRecord = (line: Int, canonical: [UInt8], sourceId: String)
        var heldBack: [HeldRecord] = []

        func record(line: Int, canonical: [UInt8], sourceId firstId: String) throws {
            if let repeated, !firstId.hasPrefix("@line-"), repeated.contains(firstId) {
                heldBack.append((line, canonical, firstId))
                return
            }
            try accept(line: line, canonical: canonical, sourceId: firstId)
        }

        func accept(line: Int, canonical: [UInt8], sourceId firstId: String, heldBack: Bool = false) throws {
            counts.records += 1
            var sourceId = firstId
            if !seen.insert(firstId).inserted {
                let occurrence = repeats[firstId, default: 1] + 1
                repeats[firstId] = occurrence
                sourceId = "\(firstId)#\(occurrence)"
                // Not known to repeat beforehand (too many repeats to track): the later line is the duplicate.
                if !heldBack {
                    counts.findings += 1
                    try emit(
                        .sourceFinding(
                            SourceFinding(
                                snapshot: snapshot, object: file.object, file: file.path, line: line,
                                kind: "duplicate-id",
                                detail: "id \(firstId) is already used in \(file.path)")))
                }
            }
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
                        contentHash: hash, canonicalValues: canonical)))
        }

        /// The held-back records, in content order within each id, and a finding for each duplicate.
        func releaseHeldBack() throws {
            let groups = Dictionary(grouping: heldBack, by: \.sourceId)
            for id in groups.keys.sorted() {
                let group = groups[id]!
                // The record holding the content the previous snapshot knew under `id` keeps `id`: a duplicate that
                // appears in a later export must not take the identity (and the Twenty record) of one migrated before.
                let kept = previous[id]
                let ordered = group.map { item -> (item: HeldRecord, keeps: Bool, hash: String) in
                    let digest = SHA256.hash(data: item.canonical)
                    return (item, ContentDigest(digest) == kept, EventHash.hex(digest))
                }
                .sorted { ($0.keeps ? 0 : 1, $0.hash) < ($1.keeps ? 0 : 1, $1.hash) }.map(\.item)
                for item in ordered {
                    try accept(line: item.line, canonical: item.canonical, sourceId: item.sourceId, heldBack: true)
                }
                let first = group.map(\.line).min() ?? 0
                for item in group where item.line != first {
                    counts.findings += 1
                    try emit(
                        .sourceFinding(
                            SourceFinding(
                                snapshot: snapshot, object: file.object, file: file.path, line: item.line,
                                kind: "duplicate-id",
                                detail: "id \(id) is already used in \(file.path) (line \(first))")))
                }
            }
        }

        // A zipped export's file is extracted alone for the reader, and removed once read.
        let findings: [ReadFinding] = try layout.withLocalFile(of: file) { path in
            try readRecords(file, at: path, keyColumns: keyColumns, fold: fold) { line, canonical, sourceId in
                try record(line: line, canonical: canonical, sourceId: sourceId)
            }
        }
        try releaseHeldBack()
        if let understood, understood.keyKind == .line, counts.records > 0 {
            try emit(
                .sourceFinding(
                    SourceFinding(
                        snapshot: snapshot, object: file.object, file: file.path, line: 1, kind: "no-key",
                        detail: understood.keyReason)))
            counts.findings += 1
        }
        for finding in findings {
            try emit(
                .sourceFinding(
                    SourceFinding(
                        snapshot: snapshot, object: file.object, file: file.path, line: finding.line,
                        kind: finding.kind.rawValue, detail: finding.detail)))
        }
        counts.findings += findings.count
        for sourceId in previous.keys.sorted() {
            counts.missing += 1
            try emit(.recordMissing(RecordMissing(snapshot: snapshot, object: file.object, sourceId: sourceId)))
        }
        return counts
    }

    /// Reads `file` (at `path` on disk) record by record into `record`, each as the canonical JSON of its values;
    /// returns the reader's findings.
    private func readRecords(
        _ file: ExportLayout.SourceFile, at path: String, keyColumns: [String], fold: Bool,
        _ record: (_ line: Int, _ canonical: [UInt8], _ sourceId: String) throws -> Void
    ) throws -> [ReadFinding] {
        switch file.format {
        case .csv:
            let reader = try CSVReader(path: path, fileName: file.path, encoding: layout.encoding(for: file))
            let header = reader.header
            let keys = keyColumns.compactMap { name in
                header.firstIndex(of: name) ?? HeaderName.find([name], in: header)
            }
            let writer = CanonicalRowWriter(header: header)
            try reader.read { row in
                let extras = row.extraCells
                let canonical: [UInt8]
                if extras.isEmpty {
                    canonical = writer.canonical(row)
                } else {
                    // Extra cells are kept under names of their own, which sort among the header's.
                    var values = Dictionary(uniqueKeysWithValues: header.indices.map { (header[$0], row[$0]) })
                    for (offset, extra) in extras.enumerated() { values["(extra cell \(offset + 1))"] = extra }
                    canonical = Snapshotter.canonicalBytes(values)
                }
                let id = keys.count == keyColumns.count ? Snapshotter.key(keys.map { row[$0] }, fold: fold) : ""
                try record(row.line, canonical, Snapshotter.sourceId(id, line: row.line, keys: keys.count))
                return true
            }
            return reader.findings
        case .json:
            let reader = JSONRecordReader(path: path, fileName: file.path, encoding: layout.encoding(for: file))
            try reader.read { json in
                let values = Dictionary(json.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
                let ids = keyColumns.compactMap { key in
                    json.fields.first { $0.name == key }?.value
                        ?? json.fields.first { HeaderName.normalize($0.name) == HeaderName.normalize(key) }?.value
                }
                let id = ids.count == keyColumns.count ? Snapshotter.key(ids, fold: fold) : ""
                try record(
                    json.line, Snapshotter.canonicalBytes(values),
                    Snapshotter.sourceId(id, line: json.line, keys: ids.count))
                return true
            }
            return reader.findings
        }
    }

    /// The source id of a record from its key cells: a link's ids joined by `|`; a natural key without case or
    /// repeated spaces.
    static func key(_ cells: [String], fold: Bool) -> String {
        let joined = cells.joined(separator: "|")
        return fold ? ValueFolding.folded(joined) : joined
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
