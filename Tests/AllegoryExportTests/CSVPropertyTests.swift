import Foundation
import Testing

@testable import AllegoryExport

struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("CSV reader: properties")
struct CSVPropertyTests {
    enum Encoding: CaseIterable { case utf8, utf8BOM, utf16LE, utf16BE, windows1252 }

    /// Writes `records` as CSV the way exporters do: the given delimiter and line end, quoting either every
    /// cell or only those that need it.
    static func write(
        _ records: [[String]], delimiter: Character, lineEnd: String, quoteAll: Bool, trailingLineEnd: Bool
    ) -> String {
        records.map { record in
            record.map { cell in
                let needs =
                    cell.contains(delimiter) || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                    || cell.isEmpty && record.count == 1
                return quoteAll || needs ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }.joined(separator: String(delimiter))
        }.joined(separator: lineEnd) + (trailingLineEnd ? lineEnd : "")
    }

    static func encode(_ text: String, _ encoding: Encoding) -> [UInt8] {
        switch encoding {
        case .utf8: return Array(text.utf8)
        case .utf8BOM: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .utf16LE: return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .utf16BE: return [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case .windows1252:
            return text.unicodeScalars.map { scalar in
                if let index = Windows1252.high.firstIndex(of: scalar.value), scalar.value > 0xFF {
                    return UInt8(0x80 + index)
                }
                return UInt8(scalar.value)
            }
        }
    }

    @Test(
        "random records written with random quoting, line ends, delimiters and encodings read back identical",
        arguments: 1...40)
    func roundTrip(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let encoding = Encoding.allCases[Int(random.next() % 5)]
        // Windows-1252 can only hold its own characters.
        let alphabet: [Character] =
            encoding == .windows1252
            ? Array("abcXYZ 019.,;|\t\"\r\néüñ€’")
            : Array("abcXYZ 019.,;|\t\"\r\néüñ€’中😀")
        let delimiter: Character = [",", ";", "\t", "|"][Int(random.next() % 4)]
        let lineEnd = ["\n", "\r\n", "\r"][Int(random.next() % 3)]
        let columns = Int(random.next() % 6) + 2
        let header = (0..<columns).map { "Column \($0)" }
        let rows: [[String]] = (0..<Int(random.next() % 60 + 1)).map { _ in
            (0..<columns).map { _ in
                String((0..<Int(random.next() % 12)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            }
        }
        let text = Self.write(
            [header] + rows, delimiter: delimiter, lineEnd: lineEnd, quoteAll: random.next() % 2 == 0,
            trailingLineEnd: random.next() % 2 == 0)
        let chunkSize = [3, 17, 1 << 20][Int(random.next() % 3)]
        // Random characters are no language, so detection (tested on text elsewhere) could not tell Windows-1252
        // from its neighbours: the code page is given, as --encoding would.
        let given: TextEncoding? = encoding == .windows1252 ? .windows1252 : nil
        let (reader, read) = try CSVFixture(Self.encode(text, encoding)).read(chunkSize: chunkSize, encoding: given)
        #expect(reader.header == header, "seed \(seed)")
        #expect(
            read.map(\.values) == rows,
            "seed \(seed): \(encoding) \(delimiter.debugDescription) \(lineEnd.debugDescription)")
        #expect(reader.findings.allSatisfy { $0.kind == .encoding }, "\(reader.findings)")
    }

    @Test(
        "random bytes never crash or hang the reader: every record has the header's width, or the file is refused for its encoding",
        arguments: 1...4)
    func fuzz(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let alphabet: [UInt8] =
            Array("a,;\t|\"\r\n ".utf8) + [0, 0x80, 0xC3, 0xA9, 0xFF, 0xFE, 0xEF, 0xBB, 0xBF, 0xE2, 0x82]
        for _ in 0..<250 {
            let count = Int(random.next() % 600)
            let bytes = (0..<count).map { _ in
                random.next() % 4 == 0
                    ? UInt8(truncatingIfNeeded: random.next()) : alphabet[Int(random.next() % UInt64(alphabet.count))]
            }
            let fixture = try CSVFixture(bytes)
            do {
                let (reader, rows) = try fixture.read(chunkSize: Int(random.next() % 64) + 1)
                #expect(rows.allSatisfy { $0.values.count == reader.header.count })
                #expect(rows.allSatisfy { $0.line >= 1 })
            } catch let error as ExportReadError {
                guard case .undecidableEncoding = error else { throw error }
            }
        }
    }
}
