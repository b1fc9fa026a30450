import Testing

@testable import ExportUnderstanding

@Suite("Salutations")
struct SalutationTests {
    @Test("a salutation read byte by byte is what the character reading says, for ASCII and other text")
    func bytesAgreeWithCharacters() {
        let values = [
            "Mr", "Mr.", " DR ", "Mme.", "..", "", " ", "Frau", "Ms. ", "M", "Herr.", "Prof.", "SRTA", "Mister",
            "mr mr", ".mr.", "Mr.s", "Dr.-Ing.", "Sir ", "mx.", "İ", "Ｍr", "Señor", "Mrs\u{A0}", "\tMr", "MR.",
            "Miss", "missy", "Sra", "mrs.", "a.", "Ms.Dr",
        ]
        for value in values {
            #expect(Understander.isSalutation(value) == Understander.isSalutationByCharacters(value), "\(value)")
        }
        #expect(Understander.isSalutation(" Dr. "))
        #expect(!Understander.isSalutation("Doctor"))
    }
}
