/// SplitMix64 (Steele, Lea & Flood 2014): tiny, fast and fully determined by its seed, so the same seed gives
/// byte-identical exports on every machine. The system generator is never used.
struct SplitMix64: Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator of its own for one stream (a file, or one record of it), so a record can be recomputed
    /// anywhere (an activity's participant emails) without storing it, and files do not shift each other.
    init(seed: UInt64, stream: RandomStream, index: Int = 0) {
        let streamKey = Self.scramble(seed &+ stream.rawValue &* 0xD1B5_4A32_D192_ED03)
        self.init(seed: Self.scramble(streamKey ^ (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)))
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.scramble(state)
    }

    /// A uniform integer in 0..<bound (multiply-high; its bias is far below anything a test could see).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "empty range")
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    mutating func within(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    mutating func within(_ range: Range<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound)
    }

    /// True with the given probability in percent.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    mutating func pick<Element>(_ items: [Element]) -> Element { items[below(items.count)] }

    private static func scramble(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The independent random streams of one export.
enum RandomStream: UInt64, Sendable {
    case defectPlan = 1
    case companies, contacts, deals, tasks, notes, activities, attachments, projects, relationships, workflows
}
