import Foundation
import Testing

@testable import CanonicalJSON

struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Canonical JSON")
struct CanonicalJSONTests {
    @Test("object keys are sorted by their UTF-8 bytes and no whitespace is written")
    func sortedKeysNoWhitespace() {
        let value: JSONValue = ["b": 1, "a": ["z": true, "é": .null, "Z": "x"], "A": [1, 2]]
        #expect(value.canonicalText == #"{"A":[1,2],"a":{"Z":"x","z":true,"é":null},"b":1}"#)
    }

    @Test("strings escape only quotes, backslashes and control characters")
    func stringEscapes() {
        let value: JSONValue = .string("a\"b\\c/d\ne\u{1}f\té")
        #expect(value.canonicalText == #""a\"b\\c/d\ne\u0001f\té""#)
    }

    @Test("integral doubles are written as integers and others in shortest form")
    func numbers() {
        #expect(
            JSONValue.array([.number(1.0), .number(0.1), .number(-2.5), .integer(-7), .number(1e-7)]).canonicalText
                == "[1,0.1,-2.5,-7,1e-07]")
    }

    @Test("the encoder writes the same bytes as the value written by hand, whatever the declaration order")
    func encoderMatchesValue() throws {
        struct Sample: Encodable {
            var zeta = "last"
            var alpha = 3
            var nested = ["b": [1, 2], "a": [3]]
            var missing: String? = nil
            var flag = false
        }
        let bytes = try CanonicalJSONEncoder().encode(Sample())
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == #"{"alpha":3,"flag":false,"nested":{"a":[3],"b":[1,2]},"zeta":"last"}"#)
    }

    @Test("a non-finite number is refused with the path where it occurred")
    func nonFiniteRefused() {
        struct Sample: Encodable { var amounts = ["x": Double.nan] }
        #expect {
            try CanonicalJSONEncoder().encode(Sample())
        } throws: { error in
            "\(error)".contains("amounts.x")
        }
    }
}

@Suite("JSON parser")
struct JSONParserTests {
    private func randomValue(_ random: inout SplitMix64, depth: Int = 0) -> JSONValue {
        switch random.next() % (depth > 3 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(random.next() % 2 == 0)
        case 2: return .integer(Int64(bitPattern: random.next()) >> Int64(random.next() % 60))
        // Not integral: integral doubles are written as integers.
        case 3: return .number(Double(Int64(bitPattern: random.next()) % 1_000_000) + 0.5)
        case 4:
            let alphabet = Array("aZ09 \"\\/\n\t\u{1}é€😀-_")
            return .string(
                String((0..<Int(random.next() % 12)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            )
        case 5: return .array((0..<Int(random.next() % 4)).map { _ in randomValue(&random, depth: depth + 1) })
        default:
            var members: [String: JSONValue] = [:]
            for index in 0..<Int(random.next() % 4) {
                members["k\(index)\(random.next() % 3)"] = randomValue(&random, depth: depth + 1)
            }
            return .object(members)
        }
    }

    @Test("random values written canonically parse back to the same value", arguments: 1...5)
    func roundTrip(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for _ in 0..<300 {
            let value = randomValue(&random)
            #expect(try JSONParser.parse(Array(value.canonicalText.utf8)) == value)
        }
    }

    @Test("escapes, surrogate pairs and whitespace of non-canonical JSON are read")
    func nonCanonicalInput() throws {
        let text = #" { "a" : [ 1 , -2.5e1 , "\u00e9\ud83d\ude00\/\"" ] , "b":true,"c":null } "#
        #expect(try JSONParser.parse(Array(text.utf8)) == ["a": [1, .number(-25), "é😀/\""], "b": true, "c": .null])
    }

    @Test(
        "invalid JSON is refused with the byte offset",
        arguments: [
            "", "{", "[1,]", "{\"a\" 1}", "\"abc", "tru", "01", "1.", "\"\\ud800\"", "[1] x", "\"a\u{1}\"",
        ])
    func invalid(text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    @Test("nesting deeper than 512 levels is refused instead of exhausting the stack")
    func deepNesting() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(text.utf8)) }
    }
}
