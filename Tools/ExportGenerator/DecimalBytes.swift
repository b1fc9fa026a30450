extension [UInt8] {
    /// Appends a non-negative integer in decimal, zero-padded to `digits`, without building a String.
    mutating func appendDecimal(_ value: Int, digits minimumDigits: Int) {
        precondition(value >= 0, "negative value")
        var width = 1
        var rest = value
        while rest >= 10 { rest /= 10; width += 1 }
        width = Swift.max(width, minimumDigits)
        for _ in 0..<width { append(0x30) }
        var position = count - 1
        rest = value
        repeat {
            self[position] = 0x30 + UInt8(rest % 10)
            rest /= 10
            position -= 1
        } while rest > 0
    }
}
