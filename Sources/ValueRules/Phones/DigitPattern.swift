/// A regular expression of libphonenumber's metadata, matched against ASCII digits.
///
/// The metadata uses a small subset (digits, `\d`, classes like `[2-9]`, groups `(...)` and `(?:...)`, `|`,
/// `?`, `{n}`, `{n,m}` and a final `$`), so a compiled program and a backtracking matcher that never visits a
/// (instruction, position) pair twice do the work in time linear in pattern times input, without Foundation's
/// regular expressions, which would cost more than the rest of a phone's parse on every record.
struct DigitPattern: Sendable {
    enum Instruction: Sendable {
        /// One digit whose bit is set in the mask (bit 0 for `0`).
        case digit(UInt16)
        /// Try the first target, then the second: the order gives `|` and greedy quantifiers their priority.
        case split(Int, Int)
        case jump(Int)
        /// Record the position in a capture slot (group n starts at slot 2n, ends at 2n+1).
        case save(Int)
        case end
        case match
    }

    struct PrefixMatch {
        let length: Int
        /// The text of each capturing group, nil where the group did not take part.
        let groups: [ArraySlice<UInt8>?]
    }

    let program: [Instruction]
    let groupCount: Int
    /// The digits a match can begin with (all ten when it can match nothing): most numbers are refused by this
    /// one test, without running the matcher.
    let firstDigits: UInt16

    init(_ pattern: String) {
        var parser = PatternParser(Array(pattern.utf8))
        let tree = parser.parseAlternation()
        precondition(parser.isAtEnd, "libphonenumber pattern not understood: \(pattern)")
        var compiler = PatternCompiler()
        compiler.emit(tree)
        compiler.program.append(.match)
        program = compiler.program
        groupCount = parser.groupCount
        firstDigits = Self.firstDigits(of: compiler.program)
    }

    /// The digits of the `digit` instructions reachable from the start without consuming one.
    private static func firstDigits(of program: [Instruction]) -> UInt16 {
        var mask: UInt16 = 0
        var seen = Set<Int>()
        var pending = [0]
        while let pc = pending.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch program[pc] {
            case .digit(let digits): mask |= digits
            case .split(let first, let second): pending += [first, second]
            case .jump(let target): pending.append(target)
            case .save, .end: pending.append(pc + 1)
            case .match: return 0x3FF
            }
        }
        return mask
    }

    /// Whether the pattern matches all of `digits`.
    func matchesWhole(_ digits: ArraySlice<UInt8>) -> Bool {
        var slots: [Int] = []
        return run(digits, whole: true, slots: &slots) != nil
    }

    /// Whether the pattern matches at the start of `digits` (leading digits, international prefixes).
    func matchesStart(_ digits: ArraySlice<UInt8>) -> Bool {
        var slots: [Int] = []
        return run(digits, whole: false, slots: &slots) != nil
    }

    /// The match at the start of `digits` that the pattern's priorities prefer (Java's `lookingAt`).
    func matchPrefix(_ digits: ArraySlice<UInt8>) -> PrefixMatch? {
        var slots = Array(repeating: -1, count: 2 * (groupCount + 1))
        guard let end = run(digits, whole: false, slots: &slots) else { return nil }
        let base = digits.startIndex
        let groups: [ArraySlice<UInt8>?] = (1..<(groupCount + 1)).map { group in
            let (start, stop) = (slots[2 * group], slots[2 * group + 1])
            return start >= 0 && stop >= start ? digits[(base + start)..<(base + stop)] : nil
        }
        return PrefixMatch(length: end, groups: groups)
    }

    /// The end position of the preferred match, or nil. A (instruction, position) pair that failed once fails
    /// again whatever the captures, so it is never tried twice; its bit lives on the stack, since a phone's
    /// parse runs a few dozen matches.
    private func run(_ digits: ArraySlice<UInt8>, whole: Bool, slots: inout [Int]) -> Int? {
        if firstDigits != 0x3FF {
            guard let first = digits.first, first &- 0x30 < 10, firstDigits & (1 << UInt16(first &- 0x30)) != 0
            else { return nil }
        }
        let width = digits.count + 1
        let words = (program.count * width + 63) / 64
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: words) { visited in
            visited.initialize(repeating: 0)
            return run(digits, whole: whole, slots: &slots, visited: visited, width: width)
        }
    }

    private enum Job {
        case visit(Int, Int)
        case restore(Int, Int)
    }

    private func run(
        _ digits: ArraySlice<UInt8>, whole: Bool, slots: inout [Int], visited: UnsafeMutableBufferPointer<UInt64>,
        width: Int
    ) -> Int? {
        let base = digits.startIndex
        let count = digits.count
        var jobs: [Job] = [.visit(0, 0)]
        while let job = jobs.popLast() {
            switch job {
            case .restore(let slot, let value):
                slots[slot] = value
            case .visit(var pc, let position):
                while true {
                    let key = pc * width + position
                    let bit: UInt64 = 1 << UInt64(key & 63)
                    if visited[key >> 6] & bit != 0 { break }
                    visited[key >> 6] |= bit
                    switch program[pc] {
                    case .digit(let mask):
                        guard position < count else { break }
                        let digit = digits[base + position] &- 0x30
                        guard digit < 10, mask & (1 << UInt16(digit)) != 0 else { break }
                        jobs.append(.visit(pc + 1, position + 1))
                    case .split(let first, let second):
                        jobs.append(.visit(second, position))
                        jobs.append(.visit(first, position))
                    case .jump(let target):
                        pc = target
                        continue
                    case .save(let slot):
                        if slot < slots.count {
                            jobs.append(.restore(slot, slots[slot]))
                            slots[slot] = position
                        }
                        pc += 1
                        continue
                    case .end:
                        guard position == count else { break }
                        pc += 1
                        continue
                    case .match:
                        if !whole || position == count { return position }
                    }
                    break
                }
            }
        }
        return nil
    }
}

/// The pattern's syntax tree.
indirect enum PatternNode {
    case digit(UInt16)
    case end
    case sequence([PatternNode])
    case alternation([PatternNode])
    case group(PatternNode, capture: Int?)
    case repetition(PatternNode, min: Int, max: Int?)
}

struct PatternParser {
    private let bytes: [UInt8]
    private var index = 0
    private(set) var groupCount = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { index == bytes.count }

    private var next: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func parseAlternation() -> PatternNode {
        var branches = [parseSequence()]
        while next == UInt8(ascii: "|") {
            index += 1
            branches.append(parseSequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseSequence() -> PatternNode {
        var items: [PatternNode] = []
        while let byte = next, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
            items.append(parseQuantified(parseAtom()))
        }
        return .sequence(items)
    }

    private mutating func parseAtom() -> PatternNode {
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .digit(1 << UInt16(byte - 0x30))
        case UInt8(ascii: "\\"):
            index += 1  // `\d`, the only escape the metadata uses
            return .digit(0x3FF)
        case UInt8(ascii: "$"):
            return .end
        case UInt8(ascii: "["):
            var mask: UInt16 = 0
            while bytes[index] != UInt8(ascii: "]") {
                let low = bytes[index] - 0x30
                var high = low
                if bytes[index + 1] == UInt8(ascii: "-") {
                    high = bytes[index + 2] - 0x30
                    index += 2
                }
                for digit in low...high { mask |= 1 << UInt16(digit) }
                index += 1
            }
            index += 1
            return .digit(mask)
        case UInt8(ascii: "("):
            var capture: Int?
            if next == UInt8(ascii: "?") {
                index += 2  // `?:`
            } else {
                groupCount += 1
                capture = groupCount
            }
            let inner = parseAlternation()
            index += 1  // `)`
            return .group(inner, capture: capture)
        default:
            preconditionFailure("unexpected \(Character(Unicode.Scalar(byte))) in a libphonenumber pattern")
        }
    }

    private mutating func parseQuantified(_ atom: PatternNode) -> PatternNode {
        switch next {
        case UInt8(ascii: "?"):
            index += 1
            return .repetition(atom, min: 0, max: 1)
        case UInt8(ascii: "*"):
            index += 1
            return .repetition(atom, min: 0, max: nil)
        case UInt8(ascii: "+"):
            index += 1
            return .repetition(atom, min: 1, max: nil)
        case UInt8(ascii: "{"):
            index += 1
            let low = parseNumber()
            var high: Int? = low
            if next == UInt8(ascii: ",") {
                index += 1
                high = next == UInt8(ascii: "}") ? nil : parseNumber()
            }
            index += 1  // `}`
            return .repetition(atom, min: low, max: high)
        default:
            return atom
        }
    }

    private mutating func parseNumber() -> Int {
        var value = 0
        while let byte = next, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            value = value * 10 + Int(byte - 0x30)
            index += 1
        }
        return value
    }
}

struct PatternCompiler {
    var program: [DigitPattern.Instruction] = []

    mutating func emit(_ node: PatternNode) {
        switch node {
        case .digit(let mask):
            program.append(.digit(mask))
        case .end:
            program.append(.end)
        case .sequence(let items):
            for item in items { emit(item) }
        case .alternation(let branches):
            var jumps: [Int] = []
            for (offset, branch) in branches.enumerated() {
                if offset < branches.count - 1 {
                    let split = program.count
                    program.append(.split(split + 1, 0))
                    emit(branch)
                    jumps.append(program.count)
                    program.append(.jump(0))
                    program[split] = .split(split + 1, program.count)
                } else {
                    emit(branch)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .group(let inner, let capture):
            if let capture { program.append(.save(2 * capture)) }
            emit(inner)
            if let capture { program.append(.save(2 * capture + 1)) }
        case .repetition(let inner, let min, let max):
            for _ in 0..<min { emit(inner) }
            if let max {
                // Greedy optional copies, each skipping to the end when not taken.
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(program.count)
                    program.append(.split(program.count + 1, 0))
                    emit(inner)
                }
                for split in splits { program[split] = .split(split + 1, program.count) }
            } else {
                let loop = program.count
                program.append(.split(loop + 1, 0))
                emit(inner)
                program.append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
    }
}
