import AllegoryExport
import CanonicalJSON

/// Writes a CSV record's canonical JSON (`{"column":"cell",...}`, members in byte order of the column names) straight
/// from the row's bytes: the columns' order and their names' JSON text are worked out once per file, so a record
/// costs one buffer and no `String` or dictionary per cell. The bytes equal `Snapshotter.canonicalBytes` of the
/// record's values (a test holds them to it).
struct CanonicalRowWriter {
    /// Column indices in byte order of their names.
    private let order: [Int]
    /// Per column (by index in the header): its name as a JSON string followed by `:`.
    private let names: [[UInt8]]
    private let namesByteCount: Int

    init(header: [String]) {
        order = header.indices.sorted { CanonicalJSON.utf8Precedes(header[$0], header[$1]) }
        names = header.map { name in
            var bytes: [UInt8] = []
            CanonicalJSON.writeString(name, into: &bytes)
            bytes.append(UInt8(ascii: ":"))
            return bytes
        }
        namesByteCount = names.reduce(0) { $0 + $1.count }
    }

    /// The canonical JSON of `row`'s cells under the header's names (a cell missing from a short row as "").
    func canonical(_ row: CSVRow) -> [UInt8] {
        // Cells are text read as UTF-8 and escaped as they go: quotes and control characters add a few bytes.
        var out: [UInt8] = []
        out.reserveCapacity(row.byteCount + namesByteCount + 3 * order.count + 16)
        out.append(UInt8(ascii: "{"))
        for (position, index) in order.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: names[index])
            row.withCellBytes(index) { CanonicalJSON.writeString(utf8: $0, into: &out) }
        }
        out.append(UInt8(ascii: "}"))
        return out
    }
}
