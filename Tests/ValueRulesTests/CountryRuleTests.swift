import Testing
import ValueRules

@Suite("Countries")
struct CountryRuleTests {
    @Test(
        "names in seven languages, codes and common forms are read as alpha-2",
        arguments: [
            ("Germany", "DE"), ("Deutschland", "DE"), ("Allemagne", "DE"), ("Alemania", "DE"), ("Germania", "DE"),
            ("Duitsland", "DE"), ("Alemanha", "DE"), ("DEU", "DE"), ("de", "DE"),
            ("Österreich", "AT"), ("osterreich", "AT"), ("Autriche", "AT"), ("Oostenrijk", "AT"),
            ("Schweiz", "CH"), ("Suisse", "CH"), ("Svizzera", "CH"), ("Zwitserland", "CH"),
            ("España", "ES"), ("Espagne", "ES"), ("Spanien", "ES"), ("Brasil", "BR"), ("Brésil", "BR"),
            ("USA", "US"), ("U.S.", "US"), ("U.S.A.", "US"), ("United States of America", "US"), ("États-Unis", "US"),
            ("Vereinigte Staaten", "US"), ("Estados Unidos", "US"),
            ("UK", "GB"), ("Great Britain", "GB"), ("England", "GB"), ("Royaume-Uni", "GB"),
            ("Vereinigtes Königreich", "GB"),
            ("Regno Unito", "GB"), ("Verenigd Koninkrijk", "GB"), ("GBR", "GB"),
            ("The Netherlands", "NL"), ("Holland", "NL"), ("Niederlande", "NL"), ("Países Bajos", "NL"),
            ("Côte d'Ivoire", "CI"), ("Ivory Coast", "CI"), ("Czech Republic", "CZ"), ("Czechia", "CZ"),
            ("South Korea", "KR"), ("Trinidad & Tobago", "TT"), ("St. Lucia", "LC"), ("Myanmar", "MM"),
            ("Hong Kong", "HK"), ("Kosovo", "XK"), ("  japan ", "JP"), ("Giappone", "JP"),
        ])
    func reads(text: String, code: String) {
        #expect(CountryRule.code(text) == code)
    }

    @Test("what is not a country is not read as one", arguments: ["Atlantis", "EU", "n/a", "", "XYZ", "Europe"])
    func unknown(text: String) {
        #expect(CountryRule.code(text) == nil)
    }
}
