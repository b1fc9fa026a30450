/// A phone number as written, read into its parts: whether it starts with `+`, its digits, and an extension.
///
/// Accepted around the digits: spaces (also tabs and no-break spaces), `( ) - . /` and Unicode dashes, a `tel:`
/// in front. Letters are refused rather than read as a keypad's digits (`1-800-FLOWERS`): Twenty's parse drops
/// them, which would shorten the number silently. An extension at the end (`x12`, `ext. 12`, `extension 12`,
/// `;ext=12`, `#12`) is read apart, so that its digits never become part of the number.
struct PhoneText {
    let hasPlus: Bool
    let digits: [UInt8]
    let extensionNumber: String?

    enum Problem: Error {
        case characters
        case plusInside
    }

    /// Extension markers, lower-case, longest first so that `extension` is not read as `x` plus letters.
    private static let extensionMarkers: [[UInt8]] = [";ext=", "extension", "ext.", "ext", "x.", "x", "#"].map {
        Array($0.utf8)
    }

    static func read(_ raw: String) -> Result<PhoneText, Problem> {
        var bytes = Array(ASCII.trimmed(raw).utf8)
        if bytes.count > 4, ASCII.lowercased(bytes[0..<4]) == Array("tel:".utf8) { bytes.removeFirst(4) }
        let (body, extensionNumber) = splitExtension(bytes)
        var digits: [UInt8] = []
        var hasPlus = false
        var index = body.startIndex
        while index < body.endIndex {
            let byte = body[index]
            if ASCII.isDigit(byte) {
                digits.append(byte)
            } else if byte == UInt8(ascii: "+") {
                guard digits.isEmpty, !hasPlus else { return .failure(.plusInside) }
                hasPlus = true
            } else if let width = separatorWidth(body, at: index) {
                index += width
                continue
            } else {
                return .failure(.characters)
            }
            index += 1
        }
        return .success(PhoneText(hasPlus: hasPlus, digits: digits, extensionNumber: extensionNumber))
    }

    /// The bytes of a separator at `index`, or nil: ASCII `( ) - . /`, space and tab, and the UTF-8 of a
    /// no-break space (C2 A0) or a dash or minus (E2 80 90-95, E2 88 92), which word processors put in numbers.
    private static func separatorWidth(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int? {
        let byte = bytes[index]
        if " \t()-./".utf8.contains(byte) { return 1 }
        let rest = bytes[index...]
        if rest.starts(with: [0xC2, 0xA0]) { return 2 }
        if rest.count >= 3, rest.starts(with: [0xE2, 0x80]), (0x90...0x95).contains(rest[index + 2]) { return 3 }
        if rest.starts(with: [0xE2, 0x88, 0x92]) { return 3 }
        return nil
    }

    /// The number without a trailing extension, and the extension's digits (1 to 15, as libphonenumber allows).
    private static func splitExtension(_ bytes: [UInt8]) -> (ArraySlice<UInt8>, String?) {
        var end = bytes.endIndex
        if end > 0, bytes[end - 1] == UInt8(ascii: "#") { end -= 1 }
        var start = end
        while start > 0, ASCII.isDigit(bytes[start - 1]) { start -= 1 }
        guard (1...15).contains(end - start) else { return (bytes[...], nil) }
        var markerEnd = start
        while markerEnd > 0, bytes[markerEnd - 1] == UInt8(ascii: " ") || bytes[markerEnd - 1] == UInt8(ascii: ":") {
            markerEnd -= 1
        }
        let before = ASCII.lowercased(bytes[..<markerEnd])
        for marker in extensionMarkers
        where before.count > marker.count && before.suffix(marker.count).elementsEqual(marker) {
            var numberEnd = markerEnd - marker.count
            while numberEnd > 0, bytes[numberEnd - 1] == UInt8(ascii: " ") || bytes[numberEnd - 1] == UInt8(ascii: ",")
            {
                numberEnd -= 1
            }
            // `x` needs the number to end just before it or after a space: not a letter of a word.
            guard numberEnd > 0, !ASCII.isLetter(bytes[numberEnd - 1]) else { continue }
            return (bytes[..<numberEnd], String(decoding: bytes[start..<end], as: UTF8.self))
        }
        return (bytes[...], nil)
    }
}
