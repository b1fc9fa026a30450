import Foundation

/// The sandbox's one API key and the `Authorization: Bearer <key>` check against it.
public struct APIKey: Sendable, Equatable {
    public let value: String

    public init(_ value: String) { self.value = value }

    /// 32 random bytes as hex: as unguessable as a real key, and safe in a shell or a header.
    public static func generate() -> APIKey {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return APIKey(bytes.map { String(format: "%02x", $0) }.joined())
    }

    enum Verdict: Equatable {
        case accepted
        case missing
        case wrong
    }

    func check(authorization: String?) -> Verdict {
        guard let authorization, !authorization.isEmpty else { return .missing }
        let scheme = "bearer "
        guard authorization.count > scheme.count, authorization.lowercased().hasPrefix(scheme) else { return .wrong }
        let presented = authorization.dropFirst(scheme.count).trimmingCharacters(in: .whitespaces)
        return Self.constantTimeEqual(Array(presented.utf8), Array(value.utf8)) ? .accepted : .wrong
    }

    /// Compares every byte whatever the first difference, so timing does not reveal how much of a guess was right.
    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}

extension APIKey: CustomStringConvertible {
    /// Never the key itself: a key interpolated into a log line by mistake stays secret.
    public var description: String { "APIKey(redacted)" }
}
