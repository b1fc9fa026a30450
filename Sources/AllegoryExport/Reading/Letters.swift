/// What plausibility scoring knows about the letters of European scripts: which are common, which languages
/// write which accented letters, and how Cyrillic words are capitalised.
enum Letters {
    static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F: return true
        default: return false
        }
    }

    static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool { (0x400...0x4FF).contains(scalar.value) }
    static func isGreek(_ scalar: Unicode.Scalar) -> Bool { (0x370...0x3FF).contains(scalar.value) }

    /// A letter of a script that separates words with spaces; runs of these are the words that are scored whole.
    static func isWordLetter(_ scalar: Unicode.Scalar) -> Bool {
        isLatin(scalar) || isCyrillic(scalar) || isGreek(scalar)
    }

    /// Accented letters frequent in the text of the large Western European languages.
    static let westernCommon = lowerCase("àáâãäåæçèéêëìíîïñòóôöøùúüýÿßœšž")
    /// Accented letters common in Central European languages, and the rarer Western ones that Windows-1252 gives
    /// for the same bytes (õ for ő, û for ű): a Hungarian ő read as õ is as plausible as the ő, and such a file is
    /// refused rather than guessed.
    static let regionalCommon = lowerCase("ąćęłńśźżčďěňřťůľőűășțşţđõû")

    private static func lowerCase(_ letters: String) -> Set<UInt32> { Set(letters.unicodeScalars.map(\.value)) }

    /// The lower-case form of a Latin or Cyrillic letter, without building a String: scoring looks up thousands.
    static let lowered: [UInt32: UInt32] = {
        var map: [UInt32: UInt32] = [:]
        for value in UInt32(0xC0)...0x24F {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isUppercase,
                let lower = scalar.properties.lowercaseMapping.unicodeScalars.first
            else { continue }
            map[value] = lower.value
        }
        for value in UInt32(0x400)...0x42F { map[value] = value < 0x410 ? value + 0x50 : value + 0x20 }
        return map
    }()

    static func lowercase(_ scalar: Unicode.Scalar) -> UInt32 { lowered[scalar.value] ?? scalar.value }

    /// The accented letters of the languages the Latin code pages serve. A word whose accented letters no single
    /// language has together (`Crčme`, `Dvoøák`) is a misreading.
    static let alphabets: [Set<UInt32>] = [
        "àâæçéèêëîïôœùûüÿ", "äöüßé", "áéíñóúü", "áâãàçéêíóôõú", "àèéìíîòóùú", "àçéèíïòóúü", "áéèëïóöüú", "æøåéóôü",
        "åäöéü", "áðéíóúýþæö", "ąćęłńóśźż", "áčďéěíňóřšťúůýž", "áäčďéíĺľňóôŕšťúýž", "áéíóöőúüű", "ăâîșțşţ", "čćđšž",
        "çë", "äöõüšž",
    ].map { Set($0.unicodeScalars.map(\.value)) }

    /// Russian letters from the most to the least frequent.
    static let russianByFrequency = Array("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё".unicodeScalars.map(\.value))

    /// Symbols and punctuation that text commonly holds outside the ASCII range.
    static let commonSymbols: Set<UInt32> = [
        0xA0, 0xA1, 0xA3, 0xA5, 0xA7, 0xA9, 0xAB, 0xAE, 0xB0, 0xB7, 0xBB, 0xBF, 0xD7, 0x2010, 0x2011, 0x2013, 0x2014,
        0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E, 0x2022, 0x2026, 0x20AC, 0x2116, 0x2122,
    ]
    /// Of those, the ones that stand inside words: apostrophes, the Catalan middle dot, hyphens.
    static let wordInternal: Set<UInt32> = [0x2018, 0x2019, 0xB7, 0x2010, 0x2011]

    static func plausibility(of letter: Unicode.Scalar, script: TextPlausibility.Script) -> Double {
        let lower = lowercase(letter)
        if isLatin(letter) {
            if westernCommon.contains(lower) { return 1 }
            return regionalCommon.contains(lower) ? 0.6 : 0.25
        }
        if isCyrillic(letter) {
            let base = russianByFrequency.firstIndex(of: lower).map { max(0.3, 1 - Double($0) * 0.025) } ?? 0.5
            return script.isCJK ? base * 0.3 : base
        }
        return 0.3
    }

    static func fitOneLanguage(_ letters: [Unicode.Scalar]) -> Bool {
        let lowerCase = Set(letters.map(lowercase))
        return alphabets.contains { lowerCase.isSubset(of: $0) }
    }

    /// lower, UPPER or Capitalised: anything else (`мОСКВА`) is how another Cyrillic code page's text reads.
    static func hasPlausibleCase(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        let letters = word.filter(isCyrillic)
        guard let first = letters.first else { return true }
        let rest = letters.dropFirst()
        let restLower = rest.allSatisfy { $0.properties.isLowercase }
        let restUpper = rest.allSatisfy { $0.properties.isUppercase }
        return restLower || (restUpper && first.properties.isUppercase)
    }
}
