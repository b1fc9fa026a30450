import Crypto
import Foundation

/// Ids as Twenty writes them: lower-case UUID text.
enum Identifier {
    /// A version 4 (random) UUID. Foundation's `UUID()` opens and reads `/dev/urandom` on every call here, three
    /// system calls per record of a batch create, and the standard generator makes one per 8 bytes; one
    /// `getentropy` call (a `getrandom` system call on Linux) fills all 16.
    static func random() -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        let status = bytes.withUnsafeMutableBytes { getentropy($0.baseAddress, 16) }
        if status != 0 {
            // Not expected for 16 bytes; the standard generator then decides.
            var generator = SystemRandomNumberGenerator()
            for index in bytes.indices { bytes[index] = generator.next() }
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40  // version 4: random
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return format(bytes)
    }

    /// A stable id for something the sandbox creates itself (standard objects and fields), so that two fresh
    /// workspaces have the same metadata ids and the same state digest.
    static func stable(_ name: String) -> String {
        var bytes = Array(SHA256.hash(data: Array("twenty-sandbox:\(name)".utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5 layout: name-based
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return format(bytes)
    }

    /// `8-4-4-4-12` lower-case hex digits.
    static func format(_ bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Twenty validates ids as UUIDs before it looks anything up.
    static func isUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                if byte != UInt8(ascii: "-") { return false }
            } else if !((byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66)
                || (byte >= 0x41 && byte <= 0x46))
            {
                return false
            }
        }
        return true
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}

extension String {
    /// `company` -> `Company`, as Twenty builds `createCompany` and `updateCompanies`.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
