import Foundation

/// How plausible a decoded text is as something people wrote in the languages an encoding serves. Each non-ASCII
/// character gets a plausibility in (0, 1] from its class and its word; the text's score is the sum of their
/// logarithms, so evidence adds up like a likelihood and two readings of the same bytes compare by difference.
/// ASCII is the same in every candidate encoding and carries no evidence, except as the context of a word.
struct TextPlausibility {
    /// The languages an encoding is written for, which decide what counts as a common character.
    enum Script {
        case westernLatin, centralLatin, cyrillic, japanese, simplifiedChinese, traditionalChinese, korean

        init(_ encoding: TextEncoding) {
            switch encoding {
            case .windows1250, .latin2: self = .centralLatin
            case .windows1251, .koi8R: self = .cyrillic
            case .shiftJIS, .eucJP: self = .japanese
            case .gb18030: self = .simplifiedChinese
            case .big5: self = .traditionalChinese
            case .eucKR: self = .korean
            default: self = .westernLatin
            }
        }

        var isCJK: Bool { ![.westernLatin, .centralLatin, .cyrillic].contains(self) }
    }

    /// Sum of the logarithms of the non-ASCII characters' plausibilities.
    private(set) var logLikelihood = 0.0
    /// Non-ASCII characters scored.
    private(set) var characters = 0
    /// A control character, which no text holds: the reading is wrong whatever else it has.
    private(set) var ruledOut = false

    /// A character's plausibility never goes below this, so that one odd character cannot outweigh many good ones.
    static let floor = 0.02

    /// The geometric mean plausibility of the characters scored: 1 for a text of common characters.
    var meanPlausibility: Double { characters == 0 ? 1 : exp(logLikelihood / Double(characters)) }

    init(_ text: String, script: Script) {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count && !ruledOut {
            if Letters.isWordLetter(scalars[index]) {
                var end = index
                while end < scalars.count && Letters.isWordLetter(scalars[end]) { end += 1 }
                scoreWord(scalars[index..<end], script: script)
                index = end
                continue
            }
            let scalar = scalars[index]
            if scalar.value >= 0x80 {
                let before = index > 0 && Letters.isWordLetter(scalars[index - 1])
                let after = index + 1 < scalars.count && Letters.isWordLetter(scalars[index + 1])
                add(Self.plausibility(ofOther: scalar, insideWord: before && after, script: script))
            }
            index += 1
        }
    }

    private mutating func add(_ plausibility: Double?) {
        guard let plausibility else {
            ruledOut = true
            return
        }
        logLikelihood += log(max(Self.floor, plausibility))
        characters += 1
    }

    /// A run of Latin, Cyrillic or Greek letters: each non-ASCII letter by how common it is, less where the word as
    /// a whole is unlikely (scripts mixed, a long word of accented letters only, letters no one language has
    /// together, Cyrillic in impossible case).
    private mutating func scoreWord(_ word: ArraySlice<Unicode.Scalar>, script: Script) {
        let nonASCII = word.filter { $0.value >= 0x80 }
        guard !nonASCII.isEmpty else { return }
        let hasLatin = word.contains(where: Letters.isLatin)
        let hasCyrillic = word.contains(where: Letters.isCyrillic)
        let hasGreek = word.contains(where: Letters.isGreek)
        var wordFactor = 1.0
        if [hasLatin, hasCyrillic, hasGreek].filter({ $0 }).count > 1 {
            wordFactor = 0.02
        } else if hasLatin {
            if word.count >= 4 && nonASCII.count == word.count { wordFactor *= 0.1 }
            if !Letters.fitOneLanguage(nonASCII) { wordFactor *= 0.2 }
        } else if hasCyrillic {
            if !Letters.hasPlausibleCase(word) { wordFactor *= 0.1 }
            // No Russian word begins with ъ, ь or ы; another code page's text read as Cyrillic often does.
            if let first = word.first, [0x44A, 0x44C, 0x44B].contains(Letters.lowercase(first)) { wordFactor *= 0.1 }
        }
        for letter in nonASCII {
            add(Letters.plausibility(of: letter, script: script) * wordFactor)
        }
    }

    /// Anything but a word letter: ideographs, kana and hangul, punctuation, symbols. Nil: a control character.
    static func plausibility(ofOther scalar: Unicode.Scalar, insideWord: Bool, script: Script) -> Double? {
        let value = scalar.value
        switch value {
        case 0x80...0x9F, 0xFFFD, 0xFFFE, 0xFFFF: return nil
        case 0xE000...0xF8FF: return 0.02  // private use: a code the encoding's standard left undefined
        case 0x3040...0x30FF:
            return script == .japanese ? 1 : 0.3
        case 0xFF61...0xFF9F:  // half-width katakana
            return script == .japanese ? 0.5 : 0.1
        case 0xAC00...0xD7A3:
            guard script == .korean else { return 0.1 }
            return CommonIdeographs.koreanSyllables.contains(value) ? 1 : 0.15
        case 0x4E00...0x9FFF, 0xF900...0xFAFF:
            return ideograph(value, script: script)
        case 0x3400...0x4DBF, 0x20000...0x3FFFF:
            return 0.05  // the rare extensions
        case 0x3000...0x303F, 0xFF01...0xFF60, 0xFFE0...0xFFE6:
            return script.isCJK ? 1 : 0.1  // CJK punctuation and full-width forms
        default:
            break
        }
        if Letters.commonSymbols.contains(value) {
            return insideWord && !Letters.wordInternal.contains(value) ? 0.1 : 1
        }
        if scalar.properties.isAlphabetic {
            return script.isCJK ? 0.3 : 0.2  // letters of other scripts: Greek or Cyrillic in a CJK symbol row
        }
        if script.isCJK { return 0.5 }  // the symbol rows of CJK standards: ○ ● ※ → ★ ℃
        return insideWord ? 0.05 : 0.2
    }

    private static func ideograph(_ value: UInt32, script: Script) -> Double {
        switch script {
        case .simplifiedChinese:
            return CommonIdeographs.simplifiedFrequent.contains(value)
                ? 1 : CommonIdeographs.simplifiedStandard.contains(value) ? 0.5 : 0.2
        case .traditionalChinese:
            return CommonIdeographs.traditionalFrequent.contains(value)
                ? 1 : CommonIdeographs.traditionalStandard.contains(value) ? 0.5 : 0.2
        case .japanese:
            return CommonIdeographs.japaneseFrequent.contains(value)
                ? 1 : CommonIdeographs.japaneseStandard.contains(value) ? 0.5 : 0.2
        case .korean: return 0.15  // hanja: rare in modern Korean text
        default: return 0.05
        }
    }
}
