import AllegoryExport
import Foundation

/// Value shapes the column profile does not tell apart but a target choice needs.
enum SampleShapes {
    /// `a@x.com;b@y.org` (or `,`), at least one address: what a column of additional emails holds.
    static func isEmailList(_ value: String) -> Bool {
        // Most sampled values hold no `@`: answering those without splitting keeps the proposal fast.
        guard value.utf8.contains(UInt8(ascii: "@")) else { return false }
        let items = value.split { $0 == ";" || $0 == "," }.map { $0.trimmingCharacters(in: .whitespaces) }
        return !items.isEmpty && items.allSatisfy(ValueShapes.isEmail)
    }

    /// Three upper-case ASCII letters: an ISO 4217 code (`EUR`).
    static func isCurrencyCode(_ value: String) -> Bool {
        value.utf8.count == 3 && value.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    }

    /// A short token of letters and digits with at least one digit and no spaces: `C000123`, `CO00001`, `42`.
    static func isIdentifier(_ value: String) -> Bool {
        let bytes = value.utf8
        guard (1...64).contains(bytes.count), bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        return bytes.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D
                || $0 == 0x5F
        }
    }

    /// `image/png`, `application/pdf`.
    static func isMIMEType(_ value: String) -> Bool {
        // A MIME type is short and has a `/`: most values are refused before lower-casing and splitting.
        guard value.utf8.count <= 255, value.utf8.contains(UInt8(ascii: "/")) else { return false }
        let parts = value.lowercased().split(separator: "/")
        let kinds: Set<Substring> = ["application", "audio", "image", "text", "video", "font", "model", "multipart"]
        return parts.count == 2 && kinds.contains(parts[0]) && !parts[1].contains(" ")
    }
}
