/// Host names, for websites and for the domain of an email address.
enum HostName {
    /// At least two dot-separated labels of 1 to 63 letters, digits and inner hyphens (non-ASCII allowed, for
    /// internationalised names), the last of two or more letters or an IDN `xn--` label; at most 253 bytes.
    static func hasValidLabels(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        var labels = 0
        var start = 0
        var lastLabel = 0..<0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: ".") {
            let count = end - start
            guard (1...63).contains(count), bytes[start] != UInt8(ascii: "-"), bytes[end - 1] != UInt8(ascii: "-")
            else { return false }
            for index in start..<end {
                let byte = bytes[index]
                guard ASCII.isLetter(byte) || ASCII.isDigit(byte) || byte == UInt8(ascii: "-") || byte >= 0x80
                else { return false }
            }
            labels += 1
            lastLabel = start..<end
            start = end + 1
        }
        guard labels >= 2 else { return false }
        let tld = bytes[lastLabel]
        return tld.starts(with: "xn--".utf8) || (tld.count >= 2 && tld.allSatisfy { ASCII.isLetter($0) || $0 >= 0x80 })
    }

    /// A host name as above, or an IPv4 address.
    static func isHost(_ host: String) -> Bool {
        var host = host
        return host.withUTF8 { isIPv4($0) || hasValidLabels($0) }
    }

    /// Four dot-separated groups of one to three digits, each at most 255.
    private static func isIPv4(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var groups = 0
        var digits = 0
        var value = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, value <= 255 else { return false }
                groups += 1
                (digits, value) = (0, 0)
            } else {
                guard ASCII.isDigit(byte), digits < 3 else { return false }
                digits += 1
                value = value * 10 + Int(byte - 0x30)
            }
        }
        return groups == 3 && digits > 0 && value <= 255
    }
}
