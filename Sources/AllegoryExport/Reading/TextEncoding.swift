import Foundation

/// The text encodings an export file may come in: Unicode ones, recognised by a byte order mark or by being valid
/// UTF-8, and the legacy code pages that spreadsheet programs still write, told apart by `EncodingDetection`.
public enum TextEncoding: String, Sendable, Codable, CaseIterable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case windows1252 = "Windows-1252"
    case latin1 = "ISO-8859-1"
    case latin9 = "ISO-8859-15"
    case windows1250 = "Windows-1250"
    case latin2 = "ISO-8859-2"
    case windows1251 = "Windows-1251"
    case koi8R = "KOI8-R"
    case shiftJIS = "Shift_JIS"
    case eucJP = "EUC-JP"
    case gb18030 = "GB18030"
    case big5 = "Big5"
    case eucKR = "EUC-KR"

    /// The legacy encodings, in the order detection prefers them when two read a file the same.
    static let legacy: [TextEncoding] = [
        .windows1252, .latin1, .latin9, .windows1250, .latin2, .windows1251, .koi8R, .shiftJIS, .eucJP, .gb18030,
        .big5, .eucKR,
    ]

    /// Reads `--encoding` names: the IANA names and the usual aliases, in any case, with or without `-` and `_`.
    public init?(name: String) {
        let key = name.lowercased().filter { $0.isLetter || $0.isNumber }
        guard let found = TextEncoding.aliases[key] else { return nil }
        self = found
    }

    private static let aliases: [String: TextEncoding] = [
        "utf8": .utf8, "utf8bom": .utf8WithBOM, "utf8withbom": .utf8WithBOM, "utf16le": .utf16LittleEndian,
        "utf16be": .utf16BigEndian, "windows1252": .windows1252, "cp1252": .windows1252, "latin1": .latin1,
        "iso88591": .latin1, "latin9": .latin9, "iso885915": .latin9, "windows1250": .windows1250,
        "cp1250": .windows1250,
        "latin2": .latin2, "iso88592": .latin2, "windows1251": .windows1251, "cp1251": .windows1251, "koi8r": .koi8R,
        "shiftjis": .shiftJIS, "sjis": .shiftJIS, "cp932": .shiftJIS, "windows31j": .shiftJIS, "eucjp": .eucJP,
        "gb18030": .gb18030, "gbk": .gb18030, "gb2312": .gb18030, "cp936": .gb18030, "big5": .big5, "cp950": .big5,
        "euckr": .eucKR, "cp949": .eucKR, "uhc": .eucKR,
    ]

    /// Names `--encoding` accepts, one per encoding, for messages.
    public static var acceptedNames: String {
        "utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1, iso-8859-15, windows-1250, iso-8859-2, windows-1251, "
            + "koi8-r, shift_jis, euc-jp, gb18030 (gbk), big5, euc-kr"
    }

    /// The name to type after `--encoding`.
    public var optionName: String { rawValue == "UTF-8 with BOM" ? "utf-8" : rawValue.lowercased() }

    /// Whether the encoding is one of the code pages detection has to tell apart by plausibility.
    var isLegacy: Bool { TextEncoding.legacy.contains(self) }

    /// The byte order mark the encoding starts with, if it has one.
    var byteOrderMark: [UInt8] {
        switch self {
        case .utf8WithBOM: return [0xEF, 0xBB, 0xBF]
        case .utf16LittleEndian: return [0xFF, 0xFE]
        case .utf16BigEndian: return [0xFE, 0xFF]
        default: return []
        }
    }

    /// Foundation's encoding for a legacy code page. These are CoreFoundation encodings (NSStringEncoding is
    /// 0x8000_0000 | CFStringEncoding); swift-corelibs-foundation decodes them with ICU. Not EUC-JP: it has no
    /// converter for it on Linux, so `LegacyDecoder` re-codes EUC-JP to Shift_JIS first.
    var foundationEncoding: String.Encoding? {
        func coreFoundation(_ value: UInt) -> String.Encoding { String.Encoding(rawValue: 0x8000_0000 | value) }
        switch self {
        case .windows1252: return .windowsCP1252
        case .latin1: return .isoLatin1
        case .latin9: return coreFoundation(0x020F)
        case .windows1250: return .windowsCP1250
        case .latin2: return .isoLatin2
        case .windows1251: return .windowsCP1251
        case .koi8R: return coreFoundation(0x0A02)
        // ICU's Shift_JIS here has the NEC and IBM extensions that Windows (CP932, as Excel writes) adds: ㈱, ①.
        case .shiftJIS, .eucJP: return coreFoundation(0x0A01)
        case .gb18030: return coreFoundation(0x0632)
        // CP950, Windows' Big5: Big5 plus the euro sign and a few more.
        case .big5: return coreFoundation(0x0423)
        // CP949, Windows' superset of EUC-KR: files labelled EUC-KR are usually written by it.
        case .eucKR: return coreFoundation(0x0422)
        default: return nil
        }
    }

    /// Whether each byte of 0x80-0xFF is one character (a table decodes it) rather than part of a sequence.
    var isSingleByte: Bool {
        [.windows1252, .latin1, .latin9, .windows1250, .latin2, .windows1251, .koi8R].contains(self)
    }

    /// Detects the encoding from the byte order mark, else from whether `sample` (the file's first bytes) is valid
    /// UTF-8. A sample cut in the middle of a character still counts as UTF-8. Nil: a legacy encoding, which
    /// `EncodingDetection` decides.
    static func detectUnicode(sample: UnsafeRawBufferPointer, isWholeFile: Bool) -> TextEncoding? {
        if sample.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8WithBOM }
        if sample.starts(with: [0xFF, 0xFE]) { return .utf16LittleEndian }
        if sample.starts(with: [0xFE, 0xFF]) { return .utf16BigEndian }
        let validPrefix = UTF8Validation.validPrefixLength(sample)
        let truncatedAtEnd =
            !isWholeFile && sample.count - validPrefix < 4
            && UTF8Validation.isIncompleteSequence(UnsafeRawBufferPointer(rebasing: sample[validPrefix...]))
        if validPrefix == sample.count || truncatedAtEnd { return .utf8 }
        // Mostly UTF-8, with a few stray bytes (which the stream reads as Windows-1252 and reports).
        let tally = UTF8Validation.tally(sample)
        return tally.multiByte > 0 && tally.multiByte >= 4 * tally.invalid ? .utf8 : nil
    }
}
