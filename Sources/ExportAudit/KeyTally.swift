import Foundation

/// Strings counted, each with the name of the last record that held it when one is given: the audit's sets of
/// ids, emails and names. A million of them as a `[String: Int]` or `[String: String]` cost 100 MB and more (a
/// Swift String over 15 bytes is a heap allocation of its own, and every bucket holds a 16-byte key beside its
/// value); here each string's bytes sit in one arena with its count, and the table holds one 8-byte word per
/// slot: the entry's place in the arena and 24 bits of its 64-bit hash, so a probe reads the arena only when
/// those bits match. A match is then compared byte for byte, so every answer is exact: a Dictionary's. Keys that
/// are not ASCII are compared in NFC, since Swift's String equality is canonical equivalence.
struct KeyTally {
    /// Entries one after another: the count (8 bytes, little-endian), the key's length and bytes, then the
    /// name's length + 1 and bytes (0 alone: no name); lengths as LEB128. A name that changes appends a new copy
    /// of its entry and leaves the old one unreferenced (once per repeated value, which is rare).
    private var arena: [UInt8] = []
    /// 0: empty; else the entry's arena offset + 1 in the low 40 bits and the top 24 bits of its hash above.
    private var slots: [UInt64] = Array(repeating: 0, count: 16)
    private(set) var count = 0

    private static let offsetBits: UInt64 = 40
    private static let offsetMask: UInt64 = (1 << offsetBits) - 1

    /// Counts one more record holding `key`, recording `name` as the last one's when given; returns the new count
    /// (1 when the key is new, as `Set.insert` answers `inserted`).
    @discardableResult
    mutating func add(_ key: String, name: String? = nil) -> Int {
        Self.withCanonicalUTF8(key) { keyBytes in
            let hash = Self.hash(keyBytes)
            let (slot, found) = find(keyBytes, hash: hash)
            guard let offset = found else {
                let offset = append(count: 1, key: keyBytes, name: name)
                slots[slot] = Self.word(offset: offset, hash: hash)
                count += 1
                if count * 4 >= slots.count * 3 { grow() }
                return 1
            }
            let tally = readCount(at: offset) + 1
            if var name, !name.withUTF8({ nameEquals(at: offset, $0) }) {
                let moved = append(count: tally, key: keyBytes, name: name)
                slots[slot] = Self.word(offset: moved, hash: hash)
            } else {
                writeCount(tally, at: offset)
            }
            return tally
        }
    }

    /// How many records hold `key` (0 when none).
    func count(of key: String) -> Int {
        Self.withCanonicalUTF8(key) { keyBytes in
            find(keyBytes, hash: Self.hash(keyBytes)).offset.map(readCount(at:)) ?? 0
        }
    }

    func contains(_ key: String) -> Bool { count(of: key) > 0 }

    /// The name given with `key` the last time it was added, nil when it never was.
    func name(of key: String) -> String? {
        Self.withCanonicalUTF8(key) { keyBytes in
            find(keyBytes, hash: Self.hash(keyBytes)).offset.flatMap(name(at:))
        }
    }

    // MARK: The table

    /// The key's bytes in the form two equal Strings share: as they are when ASCII (nearly every id and email),
    /// else in NFC (`"caf\u{E9}" == "cafe\u{301}"` in Swift).
    private static func withCanonicalUTF8<Result>(_ key: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result)
        -> Result
    {
        var key = key
        if !key.utf8.allSatisfy({ $0 < 0x80 }) { key = key.precomposedStringWithCanonicalMapping }
        return key.withUTF8(body)
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }

    private static func word(offset: Int, hash: UInt64) -> UInt64 {
        (hash & ~offsetMask) | (UInt64(offset) + 1)
    }

    /// The slot holding `key` and its entry's offset, or the empty slot where it would go and nil.
    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, offset: Int?) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let word = slots[slot]
            if word == 0 { return (slot, nil) }
            if word & ~Self.offsetMask == hash & ~Self.offsetMask {
                let offset = Int(word & Self.offsetMask) - 1
                if keyEquals(at: offset, key) { return (slot, offset) }
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for word in old where word != 0 {
            let offset = Int(word & Self.offsetMask) - 1
            let (start, length) = keyRange(at: offset)
            let hash = arena.withUnsafeBufferPointer {
                Self.hash(UnsafeBufferPointer(rebasing: $0[start..<start + length]))
            }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = word
        }
    }

    // MARK: The arena

    private mutating func append(count: Int, key: UnsafeBufferPointer<UInt8>, name: String?) -> Int {
        let offset = arena.count
        precondition(UInt64(offset) < Self.offsetMask, "KeyTally holds at most 1 TiB of keys")
        withUnsafeBytes(of: UInt64(count).littleEndian) { arena.append(contentsOf: $0) }
        Self.appendLength(key.count, to: &arena)
        arena.append(contentsOf: key)
        if var name {
            name.withUTF8 { nameBytes in
                Self.appendLength(nameBytes.count + 1, to: &arena)
                arena.append(contentsOf: nameBytes)
            }
        } else {
            arena.append(0)
        }
        return offset
    }

    private static func appendLength(_ length: Int, to arena: inout [UInt8]) {
        var rest = UInt(length)
        while rest >= 0x80 {
            arena.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        arena.append(UInt8(rest))
    }

    /// The length at `position` and the position just after it.
    private func readLength(at position: Int) -> (length: Int, end: Int) {
        var length = 0
        var shift = 0
        var position = position
        while true {
            let byte = arena[position]
            length |= Int(byte & 0x7F) << shift
            position += 1
            if byte < 0x80 { return (length, position) }
            shift += 7
        }
    }

    private func readCount(at offset: Int) -> Int {
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(arena[offset + index]) << (8 * UInt64(index)) }
        return Int(value)
    }

    private mutating func writeCount(_ count: Int, at offset: Int) {
        let value = UInt64(count)
        for index in 0..<8 { arena[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(index))) }
    }

    private func keyRange(at offset: Int) -> (start: Int, length: Int) {
        let (length, start) = readLength(at: offset + 8)
        return (start, length)
    }

    private func keyEquals(at offset: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let (start, length) = keyRange(at: offset)
        guard length == key.count else { return false }
        return arena.withUnsafeBufferPointer { stored in
            UnsafeBufferPointer(rebasing: stored[start..<start + length]).elementsEqual(key)
        }
    }

    private func nameEquals(at offset: Int, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let (start, length) = keyRange(at: offset)
        let (storedLength, nameStart) = readLength(at: start + length)
        guard storedLength == name.count + 1 else { return false }
        return arena.withUnsafeBufferPointer { stored in
            UnsafeBufferPointer(rebasing: stored[nameStart..<nameStart + name.count]).elementsEqual(name)
        }
    }

    /// The name stored after the key, nil when the entry has none.
    private func name(at offset: Int) -> String? {
        let (start, length) = keyRange(at: offset)
        let (storedLength, nameStart) = readLength(at: start + length)
        guard storedLength > 0 else { return nil }
        let nameLength = storedLength - 1
        return arena.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[nameStart..<nameStart + nameLength]), as: UTF8.self)
        }
    }
}
