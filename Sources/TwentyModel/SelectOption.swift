/// One option of a SELECT or MULTI_SELECT field. Twenty stores `value` on records and shows `label`.
public struct SelectOption: Codable, Sendable, Hashable {
    public var value: String
    public var label: String
    public var color: String
    public var position: Int

    public init(value: String, label: String, color: String = "gray", position: Int) {
        self.value = value
        self.label = label
        self.color = color
        self.position = position
    }

    /// Twenty refuses an option value outside `^[_A-Za-z][_0-9A-Za-z]+$`
    /// (`validateOptionsForType` in the field-metadata service; TWENTY_API.md section 5).
    public static func isValidValue(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count >= 2, let first = bytes.first, first == UInt8(ascii: "_") || isLetter(first) else {
            return false
        }
        return bytes.dropFirst().allSatisfy { $0 == UInt8(ascii: "_") || isLetter($0) || isDigit($0) }
    }

    /// The UPPER_SNAKE_CASE value Twenty's own options use, derived from a label (`Closed Won` -> `CLOSED_WON`).
    public static func value(forLabel label: String) -> String {
        var out = ""
        var pendingUnderscore = false
        for scalar in label.unicodeScalars {
            if scalar.isASCII, isLetter(UInt8(scalar.value)) || isDigit(UInt8(scalar.value)) {
                if pendingUnderscore, !out.isEmpty { out.append("_") }
                pendingUnderscore = false
                out.append(Character(scalar).uppercased())
            } else {
                pendingUnderscore = true
            }
        }
        if out.isEmpty { return "OPTION" }
        if let first = out.utf8.first, isDigit(first) { out = "_" + out }
        if out.utf8.count < 2 { out += "_" }
        return out
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
