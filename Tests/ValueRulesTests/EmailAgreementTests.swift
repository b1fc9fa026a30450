import AllegoryExport
import Testing
import ValueRules

@testable import ExportAudit
@testable import RecordTransform

@Suite("One email rule")
struct EmailAgreementTests {
    static let tricky: [(String, Bool)] = [
        ("ada@example.com", true), ("  Ada.Lovelace@Example.COM ", true), ("Ada <ada@example.com>", true),
        ("mailto:ada@example.com", true), ("o'brien@example.ie", true), ("a+tag@example.co.uk", true),
        ("josé@exämple.de", true), ("ada@xn--exmple-cua.de", true), ("ada_l-ovelace@sub.example.museum", true),
        ("ada@", false), ("ada@example", false), ("ada@@example.com", false), ("ada example@x.com", false),
        ("a..b@x.com", false), (".a@x.com", false), ("a.@x.com", false), ("ada@-x.com", false), ("n/a", false),
        ("ada@example.c0m", false), ("ada@[192.168.0.1]", false), ("\"ada\"@example.com", false),
        ("ada@localhost", false), ("a@b.c", false), ("ada@example..com", false), ("ada,lovelace@example.com", false),
        ("", false), ("@example.com", false),
    ]

    @Test("the profiler, the audit and the transform decide every tricky address alike", arguments: tricky)
    func agree(address: String, isEmail: Bool) {
        let transform = (try? Emails.normalize(address).get()) != nil
        #expect(EmailRule.isValid(address) == isEmail)
        #expect(ValueShapes.isEmail(address) == isEmail)
        #expect(Validity.isEmail(address) == isEmail)
        #expect(transform == isEmail)
    }

    @Test("an address is stored trimmed and lower-cased, as Twenty compares it")
    func normalised() {
        #expect(EmailRule.normalize("  Ada.Lovelace@Example.COM ") == "ada.lovelace@example.com")
        #expect(EmailRule.normalize("Ada <Ada@Example.com>") == "ada@example.com")
        #expect(Validity.normalizedEmail(" Ada@Example.com") == "ada@example.com")
    }

    @Test("a website's domain drops scheme, www., user, port, path and a final dot")
    func domains() {
        #expect(DomainRule.domain(ofWebsite: "https://WWW.Acme.com:443/about?x=1") == "acme.com")
        #expect(DomainRule.domain(ofWebsite: " acme.com/ ") == "acme.com")
        #expect(DomainRule.domain(ofWebsite: "http://user@acme.co.uk.") == "acme.co.uk")
        #expect(Validity.domain(of: "www.acme.com/contact") == Links.domain(ofURL: "https://acme.com"))
    }
}
