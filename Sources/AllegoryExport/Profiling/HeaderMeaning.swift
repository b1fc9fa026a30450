/// The words of a column's header, read for what they say the values mean: a time, or one of the meanings of a
/// number. English, German and French words; compounds (`Gründungsjahr`, `Jahresumsatz`) by their ends.
struct HeaderMeaning {
    /// Lower-case words split at spaces, punctuation, `_` and camel case (`CreatedDate` is `created`, `date`).
    let words: [String]
    /// Letters and digits only (`HeaderName.normalize`), for German compounds and glued names.
    let normalized: String
    let header: String

    init(_ header: String) {
        self.header = header
        normalized = HeaderName.normalize(header)
        var words: [String] = []
        var current = ""
        var previousLower = false
        for character in header {
            if character.isLetter || character.isNumber {
                if character.isUppercase, previousLower, !current.isEmpty {
                    words.append(current)
                    current = ""
                }
                current.append(contentsOf: character.lowercased())
                previousLower = character.isLowercase
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousLower = false
            }
        }
        if !current.isEmpty { words.append(current) }
        self.words = words
    }

    /// A vocabulary: whole words, and stems a compound may end with or contain.
    struct Vocabulary {
        let words: Set<String>
        let stems: [String]
    }

    /// How strongly the header says `vocabulary`: 3 when its last word (the head noun in English) or the end of a
    /// compound (`Mitarbeiterzahl` is about `mitarbeiter`... `Jahresumsatz` ends in `umsatz`) names it, 1 when
    /// another word does, 0 when none.
    func score(_ vocabulary: Vocabulary) -> Int {
        if let last = words.last,
            vocabulary.words.contains(last) || vocabulary.stems.contains(where: normalized.hasSuffix)
        {
            return 3
        }
        if words.contains(where: vocabulary.words.contains) || vocabulary.stems.contains(where: normalized.contains) {
            return 1
        }
        return 0
    }

    /// The word that matched, for a reason.
    func matchedWord(_ vocabulary: Vocabulary) -> String {
        if let word = words.last(where: vocabulary.words.contains) { return word }
        return vocabulary.stems.first(where: normalized.contains) ?? header
    }

    static let time = Vocabulary(
        words: [
            "date", "dates", "time", "timestamp", "created", "modified", "updated", "at", "on", "due", "closed",
            "deadline", "birthday", "dob", "datum", "erstellt", "geändert", "aktualisiert", "zeit", "zeitpunkt", "am",
            "fällig", "geburtstag", "créé", "creation", "création", "modifié", "échéance", "jour", "heure", "when",
        ],
        stems: ["date", "datum", "zeitpunkt", "zeitstempel", "uhrzeit", "timestamp", "createdat", "updatedat"])
    /// Words that make a time a span (`Response Time`, `Time Spent`): numbers under them are not dates.
    static let duration = Vocabulary(
        words: [
            "duration", "minutes", "minute", "mins", "min", "hours", "hour", "seconds", "secs", "days", "weeks",
            "months", "years", "spent", "elapsed", "response", "age", "dauer", "minuten", "stunden", "sekunden",
            "tage", "wochen", "monate", "durée", "heures", "jours", "length", "laufzeit", "tenure",
        ],
        stems: ["duration", "dauer", "laufzeit"])
    /// Who did something (`Created By`, `Erstellt von`): a person, not a time.
    static let actor = Vocabulary(words: ["by", "von", "par", "user", "owner", "author", "id"], stems: [])

    static let meanings: [(NumberMeaning, Vocabulary)] = [
        (
            .identifier,
            Vocabulary(
                words: [
                    "id", "ids", "number", "no", "nr", "nummer", "numéro", "code", "ref", "reference", "key", "sku",
                    "zip", "plz", "postcode", "postal", "iban", "ean", "isbn", "uuid", "guid",
                ],
                stems: ["postleitzahl", "zipcode", "postalcode", "kundennummer", "recordid"])
        ),
        (
            .percent,
            Vocabulary(
                words: [
                    "percent", "percentage", "pct", "probability", "prozent", "wahrscheinlichkeit", "pourcentage",
                    "probabilité", "ratio",
                ],
                stems: ["percent", "prozent", "probability", "wahrscheinlichkeit"])
        ),
        (
            .money,
            Vocabulary(
                words: [
                    "amount", "revenue", "value", "price", "cost", "costs", "arr", "mrr", "budget", "umsatz", "betrag",
                    "turnover", "preis", "kosten", "wert", "salary", "gehalt", "fee", "fees", "income", "spend",
                    "montant", "prix", "coût", "valeur", "sales", "profit", "gewinn", "acv", "tcv", "ltv",
                ],
                stems: ["amount", "revenue", "umsatz", "betrag", "turnover", "preis", "kosten", "montant", "budget"])
        ),
        (
            .year,
            Vocabulary(
                words: ["year", "founded", "established", "jahr", "gründung", "année", "annee", "fondée", "fondation"],
                stems: ["jahr", "foundingyear", "yearfounded"])
        ),
        (
            .count,
            Vocabulary(
                words: [
                    "employees", "employee", "headcount", "staff", "mitarbeiter", "mitarbeitende", "beschäftigte",
                    "count", "qty", "quantity", "anzahl", "menge", "seats", "licenses", "units", "effectif",
                    "effectifs", "salariés", "quantité", "nombre",
                ],
                stems: ["employee", "headcount", "mitarbeiter", "anzahl", "quantity"])
        ),
        (
            .quantity,
            Vocabulary(
                words: ["score", "rating", "points", "weight", "size", "rank", "level", "bewertung", "punkte"],
                stems: [])
        ),
    ]

    /// Whether the header names a moment, so that bare numbers under it may be dates: a time word, no word that makes
    /// it a span or a person, and no number meaning named more strongly.
    var namesTime: Bool {
        let time = score(Self.time)
        guard time > 0, score(Self.duration) == 0, score(Self.actor) < 3 else { return false }
        return headerMeaning.map { time > $0.score } ?? true
    }

    /// The number meaning the header names most strongly (ties go to the earlier of `meanings`), with its score.
    var headerMeaning: (meaning: NumberMeaning, score: Int, word: String)? {
        var best: (NumberMeaning, Int, String)?
        for (meaning, vocabulary) in Self.meanings {
            let score = score(vocabulary)
            if score > 0, score > best?.1 ?? 0 { best = (meaning, score, matchedWord(vocabulary)) }
        }
        if best == nil, score(Self.duration) > 0 { return (.quantity, 3, matchedWord(Self.duration)) }
        return best.map { (meaning: $0.0, score: $0.1, word: $0.2) }
    }

    /// `Phone`, `Mobile`, `Tel.`, `Fax`: digits under it are a phone number.
    var namesPhone: Bool {
        let phoneWords: Set<String> = ["tel", "cell", "handy", "portable", "téléphone", "phones"]
        return words.contains(where: phoneWords.contains)
            || ["phone", "mobile", "fax", "telefon"].contains(where: normalized.contains)
    }
}
