/// A person's name part as written, and the ASCII form used in email addresses and profile URLs.
struct NamePart: Sendable {
    let text: String
    let ascii: String

    /// `ascii` defaults to the lowercased letters of `text`, which is right for every plain ASCII name.
    init(_ text: String, _ ascii: String? = nil) {
        self.text = text
        self.ascii =
            ascii ?? String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic && $0.isASCII })
    }
}

/// First names from many languages: real exports mix scripts and diacritics, and the reader must keep them intact.
let firstNames: [NamePart] = [
    NamePart("Anna"), NamePart("James"), NamePart("Maria"), NamePart("Mohammed"), NamePart("Wei"),
    NamePart("Yuki"), NamePart("José", "jose"), NamePart("Zoë", "zoe"), NamePart("Björn", "bjorn"),
    NamePart("François", "francois"), NamePart("Siobhán", "siobhan"), NamePart("Jürgen", "jurgen"),
    NamePart("Chloé", "chloe"), NamePart("Søren", "soren"), NamePart("Łukasz", "lukasz"), NamePart("Ngozi"),
    NamePart("Priya"), NamePart("Raj"), NamePart("Olga"), NamePart("Ingrid"), NamePart("Lars"), NamePart("Camille"),
    NamePart("Mateo"), NamePart("Lucía", "lucia"), NamePart("Sofía", "sofia"), NamePart("Émile", "emile"),
    NamePart("Noah"), NamePart("Emma"), NamePart("Liam"), NamePart("Olivia"), NamePart("Ethan"), NamePart("Sarah"),
    NamePart("David"), NamePart("Laura"), NamePart("Michael"), NamePart("Elena"), NamePart("Kenji"),
    NamePart("Aiko"), NamePart("Fatima"), NamePart("Omar"), NamePart("Hannah"), NamePart("Lukas"), NamePart("Finn"),
    NamePart("Mia"), NamePart("Lea"), NamePart("Tom"), NamePart("Rosa"), NamePart("Pedro"), NamePart("João", "joao"),
    NamePart("Carmen"), NamePart("Diego"), NamePart("Hugo"), NamePart("Inès", "ines"), NamePart("Marta"),
    NamePart("Jakub"), NamePart("Zsófia", "zsofia"), NamePart("Dmitri"), NamePart("Aoife"), NamePart("Kwame"),
    NamePart("Алексей", "aleksei"), NamePart("明", "ming"), NamePart("Νίκος", "nikos"),
]

/// Last names, including particles ("van der Berg", "de la Cruz") and apostrophes, which naive splitters mangle.
let lastNames: [NamePart] = [
    NamePart("van der Berg", "vanderberg"), NamePart("de la Cruz", "delacruz"), NamePart("van Dijk", "vandijk"),
    NamePart("de Vries", "devries"), NamePart("von Essen", "vonessen"), NamePart("O'Brien", "obrien"),
    NamePart("D'Angelo", "dangelo"), NamePart("Müller", "muller"), NamePart("García", "garcia"),
    NamePart("Sørensen", "sorensen"), NamePart("Nguyễn", "nguyen"), NamePart("Smith"), NamePart("Johnson"),
    NamePart("Williams"), NamePart("Brown"), NamePart("Jones"), NamePart("Miller"), NamePart("Davis"),
    NamePart("Wilson"), NamePart("Taylor"), NamePart("Anderson"), NamePart("Thomas"), NamePart("Martin"),
    NamePart("Lee"), NamePart("Chen"), NamePart("Wang"), NamePart("Kim"), NamePart("Patel"), NamePart("Singh"),
    NamePart("Kumar"), NamePart("Okafor"), NamePart("Mensah"), NamePart("Schmidt"), NamePart("Schneider"),
    NamePart("Fischer"), NamePart("Weber"), NamePart("Dubois"), NamePart("Lefèvre", "lefevre"), NamePart("Moreau"),
    NamePart("Rossi"), NamePart("Bianchi"), NamePart("Fernández", "fernandez"), NamePart("López", "lopez"),
    NamePart("Martínez", "martinez"), NamePart("Silva"), NamePart("Santos"), NamePart("Kowalski"),
    NamePart("Nowak"), NamePart("Novák", "novak"), NamePart("Horváth", "horvath"), NamePart("Johansson"),
    NamePart("Nielsen"), NamePart("Virtanen"), NamePart("Yamamoto"), NamePart("Tanaka"), NamePart("MacDonald"),
    NamePart("St. John", "stjohn"), NamePart("Al-Rashid", "alrashid"), NamePart("Иванова", "ivanova"),
    NamePart("王", "wang"), NamePart("Ó Súilleabháin", "osuilleabhain"),
]
