import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A file's text as UTF-8 bytes, read in chunks and converted from its encoding on the way, so memory stays
/// constant whatever the file's size. The encoding is the one given, else detected from the first MiB: a byte
/// order mark, valid UTF-8, or the one legacy code page that reads the bytes plausibly; when detection cannot
/// decide, opening the stream fails with `ExportReadError.undecidableEncoding` rather than decode garbage.
final class DecodedByteStream {
    static let chunkSize = 1 << 20
    static let sampleSize = 1 << 16
    /// How much of the file encoding detection looks at: enough to meet non-ASCII text in most files.
    static let detectionSize = 1 << 20

    let path: String
    let encoding: TextEncoding
    /// How the encoding was decided, in words, for the reader's finding.
    let encodingNote: String
    private let chunkSize: Int
    /// A decoded chunk, and where in it bytes the encoding does not define were replaced (UTF-8: read as
    /// Windows-1252; legacy: U+FFFD); the CSV reader turns those offsets into line numbers.
    struct Chunk {
        var bytes: [UInt8]
        var invalidUTF8Offsets: [Int] = []
    }

    private let descriptor: Int32
    private var raw: [UInt8]
    private var rawStart = 0
    private var atEnd = false
    private var carry: [UInt8] = []  // an incomplete character or UTF-16 unit from the previous chunk

    /// `fileName` names the file in errors; `encoding` skips detection; `chunkSize` is the read size (tests make it
    /// tiny so that records span many chunks).
    init(
        path: String, fileName: String? = nil, encoding forced: TextEncoding? = nil,
        chunkSize: Int = DecodedByteStream.chunkSize
    )
        throws
    {
        self.path = path
        self.chunkSize = chunkSize
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ExportReadError.cannotOpen(path, String(cString: strerror(errno))) }
        let sampleSize = forced == nil ? DecodedByteStream.detectionSize : DecodedByteStream.sampleSize
        raw = [UInt8](repeating: 0, count: sampleSize)
        let sampleCount: Int
        do {
            sampleCount = try DecodedByteStream.readFully(descriptor, into: &raw, upTo: sampleSize)
        } catch {
            close(descriptor)
            throw error
        }
        raw.removeSubrange(sampleCount...)
        let isWholeFile = sampleCount < sampleSize
        atEnd = isWholeFile
        if let forced {
            encoding = forced
            encodingNote = "as --encoding says"
            // A byte order mark is skipped whatever the file was said to be in.
            let mark = forced == .utf8 ? TextEncoding.utf8WithBOM.byteOrderMark : forced.byteOrderMark
            if !mark.isEmpty && raw.starts(with: mark) { rawStart = mark.count }
            return
        }
        let unicode = raw.withUnsafeBytes { TextEncoding.detectUnicode(sample: $0, isWholeFile: isWholeFile) }
        if let unicode {
            encoding = unicode
            encodingNote = "detected"
            rawStart = unicode.byteOrderMark.count
            return
        }
        let name = fileName ?? String(path.split(separator: "/").last ?? "")
        switch EncodingDetection.decide(raw[...], isWholeFile: isWholeFile) {
        case .decided(let legacy, let characters, let runnerUp):
            encoding = legacy
            encodingNote =
                "detected from \(characters) non-ASCII characters"
                + (runnerUp.map { "; \($0.rawValue), the next best, reads them less plausibly" } ?? "")
        case .uncertain(let candidates, let line):
            close(descriptor)
            throw ExportReadError.undecidableEncoding(file: name, line: line, candidates: candidates)
        case .noneFits(let line):
            close(descriptor)
            throw ExportReadError.undecidableEncoding(file: name, line: line, candidates: [])
        }
    }

    deinit { close(descriptor) }

    private static func readFully(_ descriptor: Int32, into buffer: inout [UInt8], upTo count: Int) throws -> Int {
        var total = 0
        while total < count {
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + total, count - total) }
            if got < 0 {
                if errno == EINTR { continue }
                throw ExportReadError.cannotRead("read failed: \(String(cString: strerror(errno)))")
            }
            if got == 0 { break }
            total += got
        }
        return total
    }

    /// The next chunk of UTF-8 text, or nil at the end of the file.
    func next() throws -> Chunk? {
        var input = carry
        carry.removeAll()
        if rawStart < raw.count {
            // The detection sample, handed out in chunks of the usual size.
            let end = min(raw.count, rawStart + chunkSize)
            input.append(contentsOf: raw[rawStart..<end])
            rawStart = end
        } else if !atEnd {
            raw = [UInt8](repeating: 0, count: chunkSize)
            let got = try DecodedByteStream.readFully(descriptor, into: &raw, upTo: chunkSize)
            raw.removeSubrange(got...)
            rawStart = raw.count
            if got < chunkSize { atEnd = true }
            input.append(contentsOf: raw)
        }
        if input.isEmpty { return nil }
        let isLast = atEnd && rawStart >= raw.count
        switch encoding {
        case .utf8, .utf8WithBOM: return decodeUTF8(input, isLast: isLast)
        case .utf16LittleEndian, .utf16BigEndian:
            return Chunk(bytes: decodeUTF16(input, bigEndian: encoding == .utf16BigEndian, isLast: isLast))
        default: return decodeLegacy(input, isLast: isLast)
        }
    }

    /// A multi-byte character may straddle two reads: all but the last chunk are cut where no character can be
    /// split, the rest carried over.
    private func decodeLegacy(_ input: [UInt8], isLast: Bool) -> Chunk {
        var end = input.count
        if !isLast && !encoding.isSingleByte {
            guard let cut = LegacyDecoder.safeCut(input[...]) else {
                carry = input
                return Chunk(bytes: [])
            }
            end = cut
            carry = Array(input[cut...])
        }
        var chunk = Chunk(bytes: [])
        LegacyDecoder.decode(input[..<end], as: encoding, into: &chunk.bytes, undecodable: &chunk.invalidUTF8Offsets)
        return chunk
    }

    /// Passes valid UTF-8 through; an invalid byte is read as Windows-1252 and its offset remembered.
    private func decodeUTF8(_ input: [UInt8], isLast: Bool) -> Chunk {
        input.withUnsafeBytes { bytes in
            if UTF8Validation.validPrefixLength(bytes) == bytes.count { return Chunk(bytes: input) }
            var chunk = Chunk(bytes: [])
            chunk.bytes.reserveCapacity(bytes.count + 64)
            var index = 0
            while index < bytes.count {
                let run = UTF8Validation.validPrefixLength(UnsafeRawBufferPointer(rebasing: bytes[index...]))
                chunk.bytes.append(contentsOf: bytes[index..<(index + run)])
                index += run
                if index >= bytes.count { break }
                let rest = UnsafeRawBufferPointer(rebasing: bytes[index...])
                if !isLast && UTF8Validation.isIncompleteSequence(rest) {
                    carry = Array(rest)
                    break
                }
                chunk.invalidUTF8Offsets.append(chunk.bytes.count)
                chunk.bytes.appendUTF8(Windows1252.scalar(bytes[index]))
                index += 1
            }
            return chunk
        }
    }

    private func decodeUTF16(_ input: [UInt8], bigEndian: Bool, isLast: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var index = 0
        let count = input.count - input.count % 2
        while index + 1 < count {
            let unit =
                bigEndian
                ? UInt32(input[index]) << 8 | UInt32(input[index + 1])
                : UInt32(input[index + 1]) << 8 | UInt32(input[index])
            if (0xD800..<0xDC00).contains(unit) {
                guard index + 3 < count else { break }  // the low half is in the next chunk
                let low =
                    bigEndian
                    ? UInt32(input[index + 2]) << 8 | UInt32(input[index + 3])
                    : UInt32(input[index + 3]) << 8 | UInt32(input[index + 2])
                if (0xDC00..<0xE000).contains(low) {
                    out.appendUTF8(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                    index += 4
                } else {
                    out.appendUTF8(0xFFFD)
                    index += 2
                }
                continue
            }
            out.appendUTF8((0xDC00..<0xE000).contains(unit) ? 0xFFFD : unit)
            index += 2
        }
        if index < input.count {
            if isLast { out.appendUTF8(0xFFFD) } else { carry = Array(input[index...]) }
        }
        return out
    }

}

public enum ExportReadError: Error, CustomStringConvertible, Sendable {
    case cannotOpen(String, String)
    case cannotRead(String)
    /// The file is not UTF-8 and no legacy encoding reads it clearly better than the others (`candidates`, best
    /// first; none: no encoding reads it plausibly). `line`: where its first non-ASCII bytes are.
    case undecidableEncoding(file: String, line: Int, candidates: [TextEncoding])

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open \(path): \(reason)"
        case .cannotRead(let reason): return reason
        case .undecidableEncoding(let file, let line, let candidates):
            let choose = "say which with --encoding \(file)=NAME on `crm-migrate snapshot` or `peek`"
            guard !candidates.isEmpty else {
                return "\(file):\(line): the text is not UTF-8 and no supported encoding reads it plausibly; if you "
                    + "know its encoding, \(choose) (NAME: \(TextEncoding.acceptedNames)); a file in another encoding "
                    + "has to be saved as UTF-8 first"
            }
            let names = candidates.map(\.rawValue)
            let options = candidates.map(\.optionName)
            return "\(file):\(line): the text is not UTF-8, and its encoding is uncertain: it reads about as "
                + "plausibly as \(names.dropLast().joined(separator: ", ")) or \(names.last!); \(choose) "
                + "(NAME: \(options.dropLast().joined(separator: ", ")) or \(options.last!))"
        }
    }
}
