/// xoshiro256** (Blackman & Vigna 2018), its state filled from the seed by SplitMix64 steps as its authors
/// recommend. Written here rather than shared so this writer depends on nothing the other generator uses: the same
/// seed gives the same export on every machine, whatever Swift's system generator does.
public struct Dice: Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var mix = seed
        func splitMix() -> UInt64 {
            mix &+= 0x9E37_79B9_7F4A_7C15
            var z = mix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    /// An independent stream for one part of the export (a style's defects, one file), so adding draws to one part
    /// does not shift every value of the others.
    public init(seed: UInt64, lane: String) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in lane.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        self.init(seed: seed ^ hash)
    }

    public mutating func next() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotate(state.3, 45)
        return result
    }

    /// A uniform integer in `0..<bound`, by rejection so no value is favoured.
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "nothing to choose from")
        let limit = UInt64(bound)
        let threshold = (0 &- limit) % limit
        while true {
            let value = next()
            if value >= threshold { return Int(value % limit) }
        }
    }

    public mutating func within(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True `percent` times in a hundred.
    public mutating func percent(_ percent: Int) -> Bool { below(100) < percent }

    public mutating func pick<Element>(_ items: [Element]) -> Element { items[below(items.count)] }

    /// A value of `range` where small values are common and large ones rare, as head counts and revenues are.
    public mutating func skewedLow(_ range: ClosedRange<Int>) -> Int {
        let low = Double(max(range.lowerBound, 1)).squareRoot().squareRoot()
        let high = Double(range.upperBound).squareRoot().squareRoot()
        let root = low + (high - low) * Double(next() >> 11) / Double(1 << 53)
        return min(max(Int((root * root * root * root).rounded()), range.lowerBound), range.upperBound)
    }

    public mutating func shuffle<Element>(_ items: inout [Element]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(index, below(index + 1))
        }
    }

    private func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 { (value << bits) | (value >> (64 - bits)) }
}
