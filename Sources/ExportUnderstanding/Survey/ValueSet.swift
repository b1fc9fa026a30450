import ValueRules

/// The distinct values of a column as 64-bit hashes, with those seen more than once: enough to tell whether a
/// column identifies records and whether a reference names one record, two, or none, in a fraction of the
/// memory the strings would take. A collision of two values is possible in principle (about one in 10^19 per
/// pair) and would at worst count one orphan as found.
struct ValueSet {
    /// The distinct hashes, in an open-addressing table: a survey inserts every value of every column that may be a
    /// key or a reference, and `Set<UInt64>` hashed each one again with SipHash.
    private var seen = HashSlots()
    private(set) var repeated: Set<UInt64> = []
    private(set) var values = 0

    /// Adds a value; true when it is the first of its hash, so the caller knows no earlier value equals it.
    @discardableResult
    mutating func insert(_ value: String) -> Bool {
        values += 1
        let hash = ValueSet.hash(value)
        if seen.insert(hash) { return true }
        repeated.insert(hash)
        return false
    }

    func contains(_ value: String) -> Bool { seen.contains(ValueSet.hash(value)) }
    func isRepeated(_ value: String) -> Bool { repeated.contains(ValueSet.hash(value)) }

    var distinct: Int { seen.count }
    /// The share of values that repeat an earlier one.
    var duplicateShare: Double { values == 0 ? 0 : Double(values - seen.count) / Double(values) }

    /// FNV-1a over the UTF-8 bytes: stable from run to run, unlike `Hasher`.
    static func hash(_ value: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in value.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

/// A set of 64-bit hashes with linear probing, at most three quarters full (as `Set` is, so it takes no more
/// memory). The slot is chosen by the hash's high bits after a multiplication, so FNV values that differ only in
/// low bits still spread; zero marks an empty slot, and the hash zero is kept apart.
struct HashSlots {
    private var slots: [UInt64] = []
    private var hasZero = false
    private(set) var count = 0

    /// Adds `hash`; false when it was there already.
    mutating func insert(_ hash: UInt64) -> Bool {
        if hash == 0 {
            defer { hasZero = true }
            if hasZero { return false }
            count += 1
            return true
        }
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let inserted = slots.withUnsafeMutableBufferPointer { HashSlots.place(hash, in: $0) }
        if inserted { count += 1 }
        return inserted
    }

    func contains(_ hash: UInt64) -> Bool {
        if hash == 0 { return hasZero }
        guard !slots.isEmpty else { return false }
        let mask = slots.count - 1
        var index = HashSlots.start(hash, mask: mask)
        while true {
            let slot = slots[index]
            if slot == hash { return true }
            if slot == 0 { return false }
            index = (index + 1) & mask
        }
    }

    private static func start(_ hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Puts `hash` in the first free slot of its run; false when the run holds it already.
    private static func place(_ hash: UInt64, in slots: UnsafeMutableBufferPointer<UInt64>) -> Bool {
        let mask = slots.count - 1
        var index = start(hash, mask: mask)
        while true {
            let slot = slots[index]
            if slot == hash { return false }
            if slot == 0 {
                slots[index] = hash
                return true
            }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: Swift.max(16, old.count * 2))
        slots.withUnsafeMutableBufferPointer { table in
            for hash in old where hash != 0 { _ = HashSlots.place(hash, in: table) }
        }
    }
}

/// How values are compared when one file names another's records: the one rule the understanding, the audit and
/// the transform share, so a reference the audit finds is the reference the transform resolves.
public enum ValueFolding {
    /// `value` as a reference that matches `matchBy` compares it.
    public static func fold(_ value: String, by matchBy: MatchBy) -> String {
        switch matchBy {
        case .id: exact(value)
        case .domain: domain(of: value)
        case .name, .email: folded(value)
        }
    }

    /// Ids compare as written, spaces at the ends aside (Salesforce ids differ only in case).
    public static func exact(_ value: String) -> String { value.trimmingWhitespace }

    /// Names, emails and domains compare without case or repeated spaces; a web address compares by its domain.
    public static func folded(_ value: String) -> String {
        // Most values are already folded: lower-case ASCII, single spaces, no web prefix (a byte scan, no copy).
        if isFoldedASCII(value) { return value }
        if let ascii = foldedASCII(value) { return ascii }
        let lower = value.trimmingWhitespace.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") {
            return domain(of: lower)
        }
        var result = ""
        result.reserveCapacity(lower.utf8.count)
        var space = false
        for character in lower {
            if character.isWhitespace {
                space = !result.isEmpty
            } else {
                if space { result.append(" ") }
                space = false
                result.append(character)
            }
        }
        return result
    }

    /// An ASCII value folded byte by byte (lower case, spaces collapsed, ends trimmed); nil for anything else, or a
    /// web address (compared by domain).
    private static func foldedASCII(_ value: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for byte in value.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        let folded = String(decoding: bytes, as: UTF8.self)
        if folded.hasPrefix("http://") || folded.hasPrefix("https://") || folded.hasPrefix("www.") { return nil }
        return folded
    }

    private static func isFoldedASCII(_ value: String) -> Bool {
        var previousSpace = true
        for byte in value.utf8 {
            if byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                return false
            }
            let space = byte == 0x20
            if space && previousSpace { return false }
            previousSpace = space
        }
        if previousSpace { return value.isEmpty }
        return !(value.hasPrefix("http://") || value.hasPrefix("https://") || value.hasPrefix("www."))
    }

    /// A website's host as Twenty compares company domains (ValueRules' one definition).
    public static func domain(of website: String) -> String { DomainRule.domain(ofWebsite: website) }
}

/// The key values of a file that more than one record holds (as hashes), so the snapshot can set those records
/// apart by content instead of by their order in the file.
public struct RepeatedKeys: Sendable {
    let hashes: Set<UInt64>
    /// Whether keys compare folded (a natural key) or as written (an id).
    let folded: Bool

    /// Whether `key` (as the snapshot computes it) is held by several records.
    public func contains(_ key: String) -> Bool {
        hashes.contains(ValueSet.hash(folded ? ValueFolding.folded(key) : ValueFolding.exact(key)))
    }
}
