import Testing

@testable import ValueRules

@Suite("Web address byte search")
struct WebAddressSearchTests {
    static let tricky = [
        "acme.com", "https://Acme.COM/About/", "HTTP://acme.com", "ftp://acme.com", "www.acme.com:8080/x?y#z",
        "ada@acme.com", "https://user@acme.com/", "user:pass@acme.com", "mailto:ada@acme.com", "javascript:alert(1)",
        "localhost:3000", "acme", "n/a", "://acme.com", "https://", "https:///path", "acme.com//", "a.b::c",
        ":8080", "::", "@", "a@b@c.com", "https://a@b@c.com/", "http://10.0.0.1:80/", "acme.com?x=://y", "#frag",
        "https://ACME.com?q", "acme.co.uk/path/", "HTTPS://WWW.ACME.COM:443/ABOUT?X", "www..com", "a.b:/c",
    ]

    @Test("an ASCII address searched byte by byte gives what the character searches give, for tricky addresses")
    func trickyAddresses() {
        for value in Self.tricky {
            #expect(
                WebAddressRule.normalize(trimmed: value, bytewise: true)
                    == WebAddressRule.normalize(trimmed: value, bytewise: false), "\(value)")
        }
    }

    @Test("an ASCII address searched byte by byte gives what the character searches give, for generated addresses")
    func generatedAddresses() {
        // Strings over the characters the rule looks at, so every branch is met many times; a fixed xorshift
        // sequence, so a failure names a value that fails again.
        let alphabet = Array("ab.:/@?#hHtTpPsSwW1-")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        for _ in 0..<20_000 {
            let length = 1 + next(16)
            let value = String((0..<length).map { _ in alphabet[next(alphabet.count)] })
            #expect(
                WebAddressRule.normalize(trimmed: value, bytewise: true)
                    == WebAddressRule.normalize(trimmed: value, bytewise: false), "\(value)")
        }
    }

    @Test("a byte search finds the first occurrence, or none")
    func byteSearch() {
        let value = "a://b://c"
        #expect(
            ASCII.range(of: "://", in: value).map { value.distance(from: value.startIndex, to: $0.lowerBound) } == 1)
        #expect(ASCII.range(of: "::", in: value) == nil)
        #expect(ASCII.range(of: "c", in: value).map { String(value[$0]) } == "c")
        #expect(ASCII.range(of: "long needle", in: "short") == nil)
    }
}
