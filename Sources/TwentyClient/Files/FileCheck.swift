import Crypto
import Foundation

/// What the export says an attachment is (`attachments.csv`: size and SHA-256), checked before any byte leaves:
/// a truncated or swapped file must not become an attachment that looks right.
public struct ExpectedFile: Sendable, Equatable {
    public var size: Int?
    /// Lower-case hex; compared case-insensitively.
    public var sha256: String?

    public init(size: Int? = nil, sha256: String? = nil) {
        self.size = size
        self.sha256 = sha256
    }
}

/// An attachment that is not what its export says, or cannot be read: found before any request is sent.
public enum FileCheckError: Error, Equatable, CustomStringConvertible, Sendable {
    case sizeMismatch(file: String, expected: Int, actual: Int)
    case hashMismatch(file: String, expected: String, actual: String)
    case unreadable(file: String, reason: String)

    public var description: String {
        switch self {
        case .sizeMismatch(let file, let expected, let actual):
            "\(file) is \(actual) bytes but the export lists \(expected): not uploaded"
        case .hashMismatch(let file, let expected, let actual):
            "\(file) has SHA-256 \(actual) but the export lists \(expected): not uploaded"
        case .unreadable(let file, let reason): "\(file) cannot be read: \(reason)"
        }
    }
}

enum FileCheck {
    /// The source's size, after checking it (and, when expected, its SHA-256, hashed chunk by chunk) against
    /// `expected`. The size is checked first: it costs no read.
    static func verify(_ source: UploadSource, filename: String, expected: ExpectedFile) throws -> Int {
        let size: Int
        do { size = try source.size() } catch {
            throw FileCheckError.unreadable(file: filename, reason: error.localizedDescription)
        }
        if let expectedSize = expected.size, expectedSize != size {
            throw FileCheckError.sizeMismatch(file: filename, expected: expectedSize, actual: size)
        }
        guard let expectedHash = expected.sha256?.lowercased() else { return size }
        var hasher = SHA256()
        do { try source.forEachChunk { hasher.update(data: $0) } } catch {
            throw FileCheckError.unreadable(file: filename, reason: error.localizedDescription)
        }
        let actual = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        guard actual == expectedHash else {
            throw FileCheckError.hashMismatch(file: filename, expected: expectedHash, actual: actual)
        }
        return size
    }
}
