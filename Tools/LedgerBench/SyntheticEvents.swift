import Ledger

/// Events shaped like a real migration's bulk: per source contact, its `record.extracted` event (raw values,
/// ~300 bytes of payload) followed by the `record.created` event of its write to Twenty (~300 bytes).
enum SyntheticEvents {
    static func make(count: Int, seed: UInt64) -> [LedgerEvent] {
        var generator = SplitMix64(seed: seed)
        var events: [LedgerEvent] = []
        events.reserveCapacity(count)
        let firstNames = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Radia", "Tim"]
        let lastNames = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson"]
        var index = 0
        while events.count < count {
            index += 1
            let id = "C-" + String(index).leftPadded(to: 7)
            let first = firstNames[Int(generator.next() % UInt64(firstNames.count))]
            let last = lastNames[Int(generator.next() % UInt64(lastNames.count))]
            let email = "\(first.lowercased()).\(last.lowercased())\(index)@example.com"
            let phone = "+1 415 555 " + String(generator.next() % 10_000).leftPadded(to: 4)
            let hash = String(generator.next(), radix: 16).leftPadded(to: 16)
            events.append(
                .recordExtracted(
                    RecordExtracted(
                        snapshot: 1, object: "contacts", sourceId: id, file: "contacts.csv", line: index + 1,
                        contentHash: String(repeating: hash, count: 4),
                        values: [
                            "Contact ID": id, "First Name": first, "Last Name": last, "Email": email, "Phone": phone,
                            "Job Title": "Engineer", "Company ID": "CO-" + String(index % 5000).leftPadded(to: 5),
                            "Created": "2021-03-04T05:06:07Z",
                        ])))
            guard events.count < count else { break }
            let twentyId = "00000000-0000-5000-8000-" + String(index, radix: 16).leftPadded(to: 12)
            events.append(
                .recordCreated(
                    RecordCreated(
                        batchId: "b-\(index / 60)", object: "person", sourceId: id, twentyId: twentyId,
                        values: [
                            "id": .string(twentyId), "name": ["firstName": .string(first), "lastName": .string(last)],
                            "emails": ["primaryEmail": .string(email), "additionalEmails": []],
                            "phones": [
                                "primaryPhoneNumber": .string(String(phone.suffix(12))),
                                "primaryPhoneCallingCode": "+1", "primaryPhoneCountryCode": "US",
                            ],
                            "jobTitle": "Engineer", "allegoryId": .string(id),
                        ])))
        }
        return events
    }
}

/// A small deterministic generator, so a benchmark or fixture can be reproduced from its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
