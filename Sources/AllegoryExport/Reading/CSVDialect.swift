/// How a CSV file is written, as detected from its first bytes.
public struct CSVDialect: Sendable, Equatable {
    public var encoding: TextEncoding
    /// One of `,` `;` tab `|`.
    public var delimiter: UInt8
    /// Records before the header that are not part of the table (titles, dates, padded blank rows).
    public var bannerRecords: Int
    /// The physical line of the header row.
    public var headerLine: Int
    /// The physical line of a units row right under the header ("(EUR)", "[kg]"), skipped like a banner.
    public var unitsRowLine: Int?

    init(encoding: TextEncoding, delimiter: UInt8, bannerRecords: Int, headerLine: Int, unitsRowLine: Int? = nil) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.bannerRecords = bannerRecords
        self.headerLine = headerLine
        self.unitsRowLine = unitsRowLine
    }

    public static let candidateDelimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]

    public var delimiterName: String {
        switch delimiter {
        case 0x09: return "tab"
        default: return String(UnicodeScalar(delimiter))
        }
    }

    /// Picks the delimiter that splits the sample's records into the same number (two or more) of cells most
    /// consistently, and finds the header by its content (`HeaderRow`). Records before it are banner lines (an
    /// export title, a date).
    static func detect(sample: [UInt8], encoding: TextEncoding) -> CSVDialect {
        var best: (delimiter: UInt8, consistency: Int, cells: Int, counts: [(line: Int, cells: Int)])?
        for delimiter in candidateDelimiters {
            var parser = CSVParser(delimiter: delimiter)
            var counts: [(line: Int, cells: Int)] = []
            sample.withUnsafeBufferPointer { bytes in
                _ = parser.consume(bytes) { parser in
                    counts.append((parser.recordLine, parser.fieldEnds.count))
                    return counts.count < 50
                }
            }
            if counts.count < 50 && !parser.isInQuotes {
                parser.finish { parser in
                    counts.append((parser.recordLine, parser.fieldEnds.count))
                    return true
                }
            }
            let frequency = Dictionary(counts.map { ($0.cells, 1) }, uniquingKeysWith: +)
            guard let (cells, consistency) = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }),
                cells >= 2
            else { continue }
            if best == nil || (consistency, cells) > (best!.consistency, best!.cells) {
                best = (delimiter, consistency, cells, counts)
            }
        }
        guard let best else {
            return CSVDialect(encoding: encoding, delimiter: UInt8(ascii: ","), bannerRecords: 0, headerLine: 1)
        }
        // The header is chosen among records about as wide as the table, not exactly as wide: in a short sample,
        // ragged rows can make the most common width a poor guess.
        let records = firstRecords(sample, delimiter: best.delimiter, count: best.counts.count)
        let header = HeaderRow.locate(records, width: best.cells)
        let lines = best.counts.map(\.line)
        return CSVDialect(
            encoding: encoding, delimiter: best.delimiter, bannerRecords: header.index,
            headerLine: lines.isEmpty ? 1 : lines[header.index],
            unitsRowLine: header.hasUnitsRow ? lines[header.index + 1] : nil)
    }

    /// The cells of the sample's first `count` records.
    private static func firstRecords(_ sample: [UInt8], delimiter: UInt8, count: Int) -> [[String]] {
        var parser = CSVParser(delimiter: delimiter)
        var records: [[String]] = []
        let collect: (inout CSVParser) -> Bool = { parser in
            records.append(parser.fields())
            return records.count < count
        }
        let stopped = sample.withUnsafeBufferPointer { !parser.consume($0, emit: collect) }
        if !stopped && !parser.isInQuotes { parser.finish(emit: collect) }
        return records
    }
}
