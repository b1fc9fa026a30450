import Foundation

/// libphonenumber's example numbers (Fixtures/example-numbers.json, written by Tools/phone-metadata/generate.py).
struct ExampleNumber: Decodable, Sendable, CustomStringConvertible {
    let region: String
    let callingCode: String
    let type: String
    let nationalNumber: String
    let e164: String
    let national: String

    var description: String { "\(region) \(type) \(e164)" }

    /// The region a structured number carries: none for the non-geographic `001` entities.
    var expectedRegion: String { region == "001" ? "" : region }

    static let all: [ExampleNumber] = {
        struct Fixture: Decodable { let numbers: [ExampleNumber] }
        guard
            let url = Bundle.module.url(
                forResource: "example-numbers", withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url), let fixture = try? JSONDecoder().decode(Fixture.self, from: data)
        else { return [] }
        return fixture.numbers
    }()

    /// Example numbers libphonenumber itself gives to the main country of a shared calling code, written as
    /// `region type` -> the region it gives. Their ranges are shared: the main country's leading digits claim
    /// them (FI for Åland mobiles, MA for Western Sahara, NO for Svalbard), or, written internationally, its
    /// (or an earlier region's) number-type patterns match first, as in libphonenumber's region lookup.
    /// Twenty's parse reads them the same way; a national number with its own region given keeps that region
    /// where only the type patterns, not the leading digits, decide.
    static let sharedInE164: [String: String] = [
        "AX mobile": "FI", "BL mobile": "GP", "CC mobile": "AU", "CX mobile": "AU", "EH fixedLine": "MA",
        "EH mobile": "MA", "IM mobile": "GB", "MF fixedLine": "BL", "MF mobile": "GP", "SJ mobile": "NO",
        "VA mobile": "IT",
    ]
    static let sharedInNational: [String: String] = [
        "AX mobile": "FI", "EH fixedLine": "MA", "EH mobile": "MA", "SJ mobile": "NO",
    ]
}
