/// The records of one synthetic CRM before any vendor's vocabulary is put on them: every style writes the same
/// kinds of facts, each in its own files, headers and formats. Indices link the records; the first `firmCount`
/// firms and `personCount` people are the CRM's, the rest are spares no other record points at, which the defect
/// planter adds as duplicates and namesakes without breaking a reference.
struct Cast: Sendable {
    var firms: [Firm]
    var people: [Person]
    var deals: [Deal]
    var staff: [Staff]
    var chores: [Chore]
    var projects: [Project]
    var memberships: [Membership]
    let firmCount: Int
    let personCount: Int
    /// Names and emails no record has: what orphaned references point at.
    let strayFirmNames: [String]
    let strayEmails: [String]
    let strayStaffNames: [String]
    let strayStaffEmails: [String]

    var spareFirms: [Firm] { Array(firms[firmCount...]) }
    var sparePeople: [Person] { Array(people[personCount...]) }
}

struct Firm: Sendable {
    let index: Int
    let name: String
    /// The name without its legal form (`Kestrel Freight`): what deal and project names start from.
    let brand: String
    let domain: String
    let nation: Nation
    let town: Town
    let street: String
    let postcode: String
    let phone: PhoneNumber
    let employees: Int
    /// In hundredths of the nation's currency.
    let revenue: Int64
    let line: Trade.Line
    var parent: Int?
    let owner: Int
    let created: Moment
}

struct Person: Sendable {
    let index: Int
    let givenName: String
    let familyName: String
    let email: String
    /// Where the person works from; their landline is in its area.
    let town: Town
    let phone: PhoneNumber
    let mobile: PhoneNumber?
    let nation: Nation
    let jobTitle: String
    let germanJobTitle: String
    let firm: Int
    let owner: Int
    let created: Moment
    let subscribed: Bool
    let score: Int

    var fullName: String { "\(givenName) \(familyName)" }
}

struct Deal: Sendable {
    let index: Int
    let title: String
    let germanTitle: String
    let firm: Int
    let contact: Int?
    /// 0 ... 5: the position in a style's list of six stages (the last two are won and lost).
    let stage: Int
    /// In hundredths.
    let amount: Int64
    let currency: String
    let close: Moment
    let owner: Int
    let created: Moment
}

struct Staff: Sendable {
    let index: Int
    let givenName: String
    let familyName: String
    let email: String
    let initials: String
    let isActive: Bool
    let team: String

    var fullName: String { "\(givenName) \(familyName)" }
}

/// What a task or activity is about.
enum Subject: Sendable, Equatable {
    case firm(Int)
    case person(Int)
    case deal(Int)
}

struct Chore: Sendable {
    let index: Int
    let title: String
    let germanTitle: String
    /// Sometimes several lines: the CSV must quote it, and every later record's line number moves.
    let details: String
    let germanDetails: String
    let due: Moment
    let isDone: Bool
    let assignee: Int
    let about: Subject
    let priority: Int
    let kind: Int
    let minutes: Int
}

struct Project: Sendable {
    let index: Int
    let name: String
    let firm: Int
    let budget: Int64
    let kickoff: Moment
    let status: Int
}

struct Membership: Sendable {
    let project: Int
    let person: Int
    let role: Int
}
