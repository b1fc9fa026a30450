/// What is wrong with one contact row.
enum ContactFlaw: Sendable {
    /// Carries the email of an earlier contact, in upper case when `changeCase`.
    case duplicateEmail(of: Int, changeCase: Bool)
    /// Empty email, first name and last name.
    case missingRequired
    case invalidEmail(variant: Int)
    case invalidPhone(variant: Int)
    case orphanCompany(missing: RecordID)
    /// Last Activity more than 24 months before the export, and nothing refers to the contact.
    case stale
    case unknownOwner(email: String)
}

/// An extra row that reuses the id of record `reusedIndex`, with the other values of a new record
/// `identityIndex` (past the last real index, so its email and domain are unique).
struct DuplicateRow: Sendable {
    let reusedIndex: Int
    let identityIndex: Int
}

enum CompanyFlaw: Sendable {
    case duplicateDomain(of: Int)
    case missingName
    case parentSelf
    /// Its parent is the next member of a cycle; `cycle` is given for the first member, where it is reported.
    case cycleMember(parent: Int, cycle: [Int]?)
}

enum DealFlaw: Sendable {
    case missingName
    case orphanContact(missing: RecordID)
    case unknownOwner(email: String)
}

enum TaskFlaw: Sendable {
    case orphanRelated(RelatedRecord)
    case tooFewCells
}

enum NoteFlaw: Sendable {
    case orphanRelated(RelatedRecord)
    case nulByte
}

enum AttachmentFlaw: Sendable {
    case missingFile
    case sizeMismatch(delta: Int)
    case hashMismatch
}

/// Which records carry which planted defect, decided before anything is written. Only the planted records
/// are stored (about N/200 of them), never the records themselves. Records involved in a defect are never
/// referenced by other records, so a defect stays exactly where it was planted (a stale contact gains no
/// activity, an ambiguous duplicated id is never a Company ID of a contact).
struct DefectPlan: Sendable {
    var contactFlaws: [Int: ContactFlaw] = [:]
    /// Extra rows keyed by the index of the contact they follow.
    var contactDuplicates: [Int: [DuplicateRow]] = [:]
    var unreferencedContacts: Set<Int> = []

    var companyFlaws: [Int: CompanyFlaw] = [:]
    var companyDuplicates: [Int: [DuplicateRow]] = [:]
    var unreferencedCompanies: Set<Int> = []

    var dealFlaws: [Int: DealFlaw] = [:]
    var unreferencedDeals: Set<Int> = []

    var taskFlaws: [Int: TaskFlaw] = [:]
    var noteFlaws: [Int: NoteFlaw] = [:]
    var raggedActivities: Set<Int> = []
    var attachmentFlaws: [Int: AttachmentFlaw] = [:]

    var duplicateHeader = false
    var bannerLine = false
    var unterminatedQuote = false
    var windows1252 = false

    /// Owner emails that look like colleagues' but are in no row of users.csv.
    static func unknownOwnerEmail(_ number: Int) -> String { "former.rep\(number)@\(Users.domain)" }

    init(shape: ExportShape, seed: UInt64) {
        guard shape.defectsPerKind > 0 else { return }
        var rng = SplitMix64(seed: seed, stream: .defectPlan)
        planContacts(shape, &rng)
        planCompanies(shape, &rng)
        planDeals(shape, &rng)
        planTasksAndNotes(shape, &rng)
        for _ in 0..<shape.defectsPerFileOfTwo {
            raggedActivities.insert(Self.pickFree(0..<shape.activities, excluding: raggedActivities, &rng))
        }
        var attachmentPicks = Set<Int>()
        for flaw in [AttachmentFlaw.missingFile, .sizeMismatch(delta: 0), .hashMismatch] {
            for _ in 0..<shape.defectsPerKind {
                let index = Self.pickFree(0..<shape.attachments, excluding: attachmentPicks, &rng)
                attachmentPicks.insert(index)
                if case .sizeMismatch = flaw {
                    attachmentFlaws[index] = .sizeMismatch(delta: rng.within(1...512))
                } else {
                    attachmentFlaws[index] = flaw
                }
            }
        }
        duplicateHeader = true
        bannerLine = true
        unterminatedQuote = true
        windows1252 = true
    }

    private mutating func planContacts(_ shape: ExportShape, _ rng: inout SplitMix64) {
        let count = shape.contacts
        var taken = Set<Int>()
        func take(_ range: Range<Int>) -> Int {
            let index = Self.pickFree(range, excluding: taken, &rng)
            taken.insert(index)
            return index
        }
        var duplicatesPlanted = 0
        for _ in 0..<shape.defectsPerKind {
            let reused = take(0..<count)
            let after = rng.within(reused..<min(count, reused + 50))
            contactDuplicates[after, default: []].append(
                DuplicateRow(reusedIndex: reused, identityIndex: count + duplicatesPlanted))
            duplicatesPlanted += 1
            unreferencedContacts.insert(reused)
        }
        // The copy comes later in the file than the original, so the later line is the duplicate.
        for _ in 0..<shape.defectsPerKind {
            let copy = take(count / 2..<count)
            let original = take(0..<count / 2)
            contactFlaws[copy] = .duplicateEmail(of: original, changeCase: rng.chance(50))
        }
        for _ in 0..<shape.defectsPerFileOfThree { contactFlaws[take(0..<count)] = .missingRequired }
        for _ in 0..<shape.defectsPerKind {
            contactFlaws[take(0..<count)] = .invalidEmail(variant: rng.below(InvalidEmails.variantCount))
            contactFlaws[take(0..<count)] = .invalidPhone(variant: rng.below(PhoneNumbers.invalid.count))
        }
        for orphan in 0..<shape.defectsPerKind {
            let missing = RecordID(.company, index: shape.companies + 1000 + orphan)
            contactFlaws[take(0..<count)] = .orphanCompany(missing: missing)
            contactFlaws[take(0..<count)] = .stale
        }
        for owner in 0..<shape.defectsPerFileOfTwo {
            contactFlaws[take(0..<count)] = .unknownOwner(email: Self.unknownOwnerEmail(owner + 1))
        }
        unreferencedContacts.formUnion(contactFlaws.keys)
    }

    private mutating func planCompanies(_ shape: ExportShape, _ rng: inout SplitMix64) {
        let count = shape.companies
        var taken = Set<Int>()
        func take(_ range: Range<Int>) -> Int {
            let index = Self.pickFree(range, excluding: taken, &rng)
            taken.insert(index)
            return index
        }
        for duplicate in 0..<shape.defectsPerKind {
            let reused = take(0..<count)
            let after = rng.within(reused..<min(count, reused + 20))
            companyDuplicates[after, default: []].append(
                DuplicateRow(reusedIndex: reused, identityIndex: count + duplicate))
            unreferencedCompanies.insert(reused)
        }
        for _ in 0..<shape.defectsPerKind {
            let copy = take(count / 2..<count)
            companyFlaws[copy] = .duplicateDomain(of: take(0..<count / 2))
        }
        for _ in 0..<shape.defectsPerFileOfThree { companyFlaws[take(0..<count)] = .missingName }
        for _ in 0..<shape.defectsPerKind {
            companyFlaws[take(0..<count)] = .parentSelf
            let members = (0..<rng.within(2...3)).map { _ in take(0..<count) }.sorted()
            for (position, member) in members.enumerated() {
                companyFlaws[member] = .cycleMember(
                    parent: members[(position + 1) % members.count], cycle: position == 0 ? members : nil)
            }
        }
        unreferencedCompanies.formUnion(companyFlaws.keys)
    }

    private mutating func planDeals(_ shape: ExportShape, _ rng: inout SplitMix64) {
        var taken = Set<Int>()
        func take() -> Int {
            let index = Self.pickFree(0..<shape.deals, excluding: taken, &rng)
            taken.insert(index)
            return index
        }
        for _ in 0..<shape.defectsPerFileOfThree { dealFlaws[take()] = .missingName }
        for orphan in 0..<shape.defectsPerKind {
            dealFlaws[take()] = .orphanContact(missing: RecordID(.contact, index: shape.contacts + 1000 + orphan))
        }
        for owner in 0..<shape.defectsPerFileOfTwo {
            dealFlaws[take()] = .unknownOwner(email: Self.unknownOwnerEmail(1000 + owner))
        }
        unreferencedDeals = taken
    }

    private mutating func planTasksAndNotes(_ shape: ExportShape, _ rng: inout SplitMix64) {
        var orphans = 0
        func orphanReference() -> RelatedRecord {
            orphans += 1
            switch rng.below(3) {
            case 0: return RelatedRecord(type: .contact, id: RecordID(.contact, index: shape.contacts + 2000 + orphans))
            case 1:
                return RelatedRecord(type: .company, id: RecordID(.company, index: shape.companies + 2000 + orphans))
            default: return RelatedRecord(type: .deal, id: RecordID(.deal, index: shape.deals + 2000 + orphans))
            }
        }
        var taskPicks = Set<Int>()
        for flaw in 0..<2 * shape.defectsPerFileOfTwo {
            let index = Self.pickFree(0..<shape.tasks, excluding: taskPicks, &rng)
            taskPicks.insert(index)
            taskFlaws[index] = flaw.isMultiple(of: 2) ? .orphanRelated(orphanReference()) : .tooFewCells
        }
        // The last note is the unterminated one, so it carries nothing else.
        var notePicks: Set<Int> = [shape.notes - 1]
        for flaw in 0..<shape.defectsPerFileOfTwo + shape.defectsPerKind {
            let index = Self.pickFree(0..<shape.notes, excluding: notePicks, &rng)
            notePicks.insert(index)
            noteFlaws[index] = flaw < shape.defectsPerFileOfTwo ? .orphanRelated(orphanReference()) : .nulByte
        }
    }

    /// A random index of `range` not in `excluded`; the shape guarantees there is room.
    private static func pickFree(_ range: Range<Int>, excluding excluded: Set<Int>, _ rng: inout SplitMix64) -> Int {
        while true {
            let index = rng.within(range)
            if !excluded.contains(index) { return index }
        }
    }
}
