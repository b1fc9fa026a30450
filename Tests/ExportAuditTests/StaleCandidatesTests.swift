import ExportUnderstanding
import Testing

@testable import ExportAudit

/// `StaleCandidates` keeps only the candidates and their emails; it must name exactly the contacts the audit named
/// when it kept every contact's email and every contact an activity named.
@Suite("Stale candidates")
struct StaleCandidatesTests {
    static let file = FileUnderstanding(
        path: "contacts.csv", object: "contacts", role: .contacts, roleConfidence: 1, roleReasons: [],
        keyColumns: ["Contact ID"], keyKind: .id, keyReason: "", labelColumn: nil, records: 0, columns: [])

    static func row(_ id: String, line: Int) -> Row {
        Row(
            sourceId: id, file: "contacts.csv", line: line, values: ["Last Activity": "2020-01-0\(line % 9 + 1)"],
            headerFor: ["Last Activity": "Last Activity"])
    }

    @Test("a candidate an activity names by id is not stale; one nothing names is")
    func namedById() {
        var candidates = StaleCandidates()
        candidates.read(Self.row("C1", line: 2), of: Self.file, email: "a@x.io", isCandidate: true)
        candidates.read(Self.row("C2", line: 3), of: Self.file, email: "b@x.io", isCandidate: true)
        candidates.read(Self.row("C3", line: 4), of: Self.file, email: nil, isCandidate: false)
        candidates.named(id: "C1")
        candidates.named(id: "C3")
        #expect(candidates.stale.map(\.row.sourceId) == ["C2"])
        #expect(candidates.stale.first?.row.value("Last Activity") == "2020-01-04")
    }

    @Test("a participant's email names the last contact read that holds it, as a lookup of every email did")
    func participantNamesTheLastHolder() {
        var candidates = StaleCandidates()
        candidates.read(Self.row("C1", line: 2), of: Self.file, email: "shared@x.io", isCandidate: true)
        candidates.read(Self.row("C2", line: 3), of: Self.file, email: "shared@x.io", isCandidate: false)
        candidates.read(Self.row("C3", line: 4), of: Self.file, email: "own@x.io", isCandidate: true)
        candidates.named(email: "shared@x.io")
        candidates.named(email: "own@x.io")
        // C2 holds the shared address last, so the participant is C2, not the candidate C1.
        #expect(candidates.stale.map(\.row.sourceId) == ["C1"])
    }

    @Test(
        "names the same stale contacts as sets of every email and every named contact, on random exports",
        arguments: [1, 2, 3, 4] as [UInt64])
    func agreesWithTheFullSets(seed: UInt64) {
        var random = SplitMix(seed)
        var candidates = StaleCandidates()
        // The earlier audit: every contact's email with its last holder, every contact any activity named.
        var holderOf: [String: String] = [:]
        var active = Set<String>()
        var candidateIds: [String] = []
        for index in 0..<3_000 {
            let id = "C\(index)"
            let email = random.next() % 5 == 0 ? nil : "p\(random.next() % 800)@x.io"
            let isCandidate = random.next() % 4 == 0
            candidates.read(Self.row(id, line: index + 2), of: Self.file, email: email, isCandidate: isCandidate)
            if let email { holderOf[email] = id }
            if isCandidate { candidateIds.append(id) }
        }
        for _ in 0..<2_000 {
            if random.next() % 2 == 0 {
                let id = "C\(random.next() % 4_000)"
                candidates.named(id: id)
                active.insert(id)
            } else {
                let email = "p\(random.next() % 900)@x.io"
                candidates.named(email: email)
                if let holder = holderOf[email] { active.insert(holder) }
            }
        }
        let expected = candidateIds.filter { !active.contains($0) }
        #expect(candidates.stale.map(\.row.sourceId) == expected)
        #expect(!expected.isEmpty && expected.count < candidateIds.count)
    }
}

struct SplitMix {
    private var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
