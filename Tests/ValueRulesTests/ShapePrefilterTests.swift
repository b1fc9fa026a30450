import Testing

@testable import ValueRules

@Suite("Shape prefilters")
struct ShapePrefilterTests {
    static let values = [
        "", "1", "12", "+1", "+12", "tel:1", "tel:12", "1 x2", "12 ext 3", "555-0100", "+1 415 555 0100", "(0)1",
        "ada@acme.com", "Ada <ada@acme.com>", "mailto:ada@acme.com", "ada(at)acme.com", "ada＠acme.com", "@", "a@b",
        "Zsófia", "San Francisco", "2024-01-02", "1.5", "x1", "#1", "1#", "١٢٣٤٥٦٧", "12\u{A0}34", "+", "tel:+",
        "1\u{2013}2", "ext 12", "phone: 12", "Ada Lovelace", "n/a", "0",
    ]

    /// PhoneRule.isPlausible as it reads a number, without the digit count that refuses most values first.
    static func plausibleByReading(_ text: String) -> Bool {
        switch PhoneRule.structure(text, defaultRegion: nil) {
        case .success: return true
        case .failure(.noCallingCode):
            guard case .success(let read) = PhoneText.read(text) else { return false }
            return (7...17).contains(read.digits.count)
        case .failure: return false
        }
    }

    @Test("a phone needs two digits: the count refuses only what reading the number refuses")
    func phoneDigitCount() {
        for value in Self.values {
            #expect(PhoneRule.isPlausible(value) == Self.plausibleByReading(value), "\(value)")
        }
    }

    @Test("an email needs an @: the byte scan refuses only what reading the address refuses")
    func emailAt() {
        for value in Self.values {
            #expect(EmailRule.isValid(value) == (EmailRule.normalize(value) != nil), "\(value)")
        }
    }
}
