/// What a style asks of its synthetic CRM: where its customers and its own staff are, the domain of the company
/// that exported, and how many people.
struct CastRecipe: Sendable {
    /// The style's name: each style draws its own CRM from the same seed.
    let style: String
    /// Customer countries; one appearing twice is drawn twice as often.
    let nations: [Nation]
    let staffNations: [Nation]
    let sellerDomain: String
    let people: Int
}

extension Cast {
    static let spares = 6
    static let exportDay = Moment(year: 2026, month: 3, day: 31)
    static let allNations: [Nation] = [
        .germany, .austria, .switzerland, .unitedKingdom, .ireland, .unitedStates, .canada, .france, .spain, .poland,
        .japan, .india, .brazil, .australia,
    ]

    /// Draws every record from `seed`. Names that serve as keys (company names and domains, people's emails, deal
    /// and project titles, staff names, emails and initials) are unique, so any duplicate is a planted one.
    init(recipe: CastRecipe, seed: UInt64) {
        var dice = Dice(seed: seed, lane: "cast " + recipe.style)
        let personCount = recipe.people
        let firmCount = max(12, personCount / 3)
        let staffCount = max(6, min(40, personCount / 20))
        var usedNames = Set<String>()

        let staff = Cast.drawStaff(staffCount, recipe, &dice)
        for member in staff { usedNames.insert(member.fullName.lowercased()) }
        let firms = Cast.drawFirms(firmCount, recipe, staffCount: staffCount, &dice)
        let people = Cast.drawPeople(personCount, firms: firms, firmCount: firmCount, staffCount: staffCount, &dice)
        let deals = Cast.drawDeals(
            max(10, personCount / 2), firms: firms, firmCount: firmCount, people: people, personCount: personCount,
            staffCount: staffCount, &dice)
        let chores = Cast.drawChores(
            max(10, personCount * 2 / 3), firmCount: firmCount, personCount: personCount, dealCount: deals.count,
            staffCount: staffCount, &dice)
        let (projects, memberships) = Cast.drawProjects(
            max(4, personCount / 12), firms: firms, firmCount: firmCount, personCount: personCount, &dice)

        let firmNames = Set(firms.map { $0.name.lowercased() })
        var strayFirms: [String] = []
        for stem in Trade.englishStems + Trade.germanStems where strayFirms.count < 12 {
            let name = "\(stem) Holding \(dice.pick(["Ltd", "GmbH", "Inc.", "AG"]))"
            if !firmNames.contains(name.lowercased()) { strayFirms.append(name) }
        }
        let emails = Set(people.map { $0.email.lowercased() })
        let strayEmails = (1...12).map {
            "former.contact\($0)@\(dice.pick(Trade.englishStems).lowercased())-archive.net"
        }
        .filter { !emails.contains($0) }
        var strayStaff: [String] = []
        for nation in recipe.staffNations + Cast.allNations {
            let name = "\(dice.pick(nation.givenNames)) \(dice.pick(nation.familyNames))"
            if !usedNames.contains(name.lowercased()) && !strayStaff.contains(name) { strayStaff.append(name) }
        }
        let staffEmails = Set(staff.map { $0.email.lowercased() })
        let strayStaffEmails = strayStaff.map { "\(ASCIIFold.words($0, joiner: "."))@\(recipe.sellerDomain)" }
            .filter { !staffEmails.contains($0) }

        self.init(
            firms: firms, people: people, deals: deals, staff: staff, chores: chores, projects: projects,
            memberships: memberships, firmCount: firmCount, personCount: personCount, strayFirmNames: strayFirms,
            strayEmails: strayEmails, strayStaffNames: strayStaff, strayStaffEmails: strayStaffEmails)
    }

    private static func drawStaff(_ count: Int, _ recipe: CastRecipe, _ dice: inout Dice) -> [Staff] {
        var staff: [Staff] = []
        var names = Set<String>()
        var initials = Set<String>()
        let teams = ["Inside Sales", "Field Sales", "Key Accounts", "Customer Success"]
        while staff.count < count {
            let nation = dice.pick(recipe.staffNations)
            let given = dice.pick(nation.givenNames)
            let family = dice.pick(nation.familyNames)
            guard names.insert("\(given) \(family)".lowercased()).inserted else { continue }
            var code = (String(ASCIIFold.slug(given).prefix(1)) + String(ASCIIFold.slug(family).prefix(2))).uppercased()
            var suffix = 2
            while !initials.insert(code).inserted {
                code = String(code.prefix(3)) + "\(suffix)"
                suffix += 1
            }
            let email =
                "\(ASCIIFold.words(given, joiner: "-")).\(ASCIIFold.words(family, joiner: "-"))@\(recipe.sellerDomain)"
            staff.append(
                Staff(
                    index: staff.count, givenName: given, familyName: family, email: email, initials: code,
                    isActive: staff.isEmpty || dice.percent(85), team: dice.pick(teams)))
        }
        return staff
    }

    private static func drawFirms(_ count: Int, _ recipe: CastRecipe, staffCount: Int, _ dice: inout Dice) -> [Firm] {
        var firms: [Firm] = []
        var names = Set<String>()
        var domains = Set<String>()
        // Only the first quarter can be parents, and they never have one: the only loops are planted ones.
        let parents = max(count / 4, 1)
        for index in 0..<(count + spares) {
            let nation = dice.pick(recipe.nations)
            let town = dice.pick(nation.towns)
            let line = dice.pick(Trade.lines)
            var brand = ""
            var name = ""
            for attempt in 0... {
                let stem = dice.pick(nation.speaksGerman ? Trade.germanStems : Trade.englishStems)
                brand = "\(stem) \(nation.speaksGerman ? line.germanWord : line.word)"
                if attempt > 40 { brand += " \(town.name)" }
                name = "\(brand) \(dice.pick(nation.legalForms))"
                if names.insert(name.lowercased()).inserted { break }
            }
            let base = ASCIIFold.words(brand, joiner: "-")
            var domain = base + nation.webSuffix
            var counter = 2
            while !domains.insert(domain).inserted {
                domain = "\(base)\(counter)\(nation.webSuffix)"
                counter += 1
            }
            let employees = dice.skewedLow(3...24_000)
            let perHead = Int64(dice.within(45...260)) * 1000
            let revenue = (Int64(employees) * perHead / 10_000 * 10_000) * 100
            firms.append(
                Firm(
                    index: index, name: name, brand: brand, domain: domain, nation: nation, town: town,
                    street: town.streetAddress(
                        numberFirst: !nation.speaksGerman && nation.code != "PL" && nation.code != "ES", &dice),
                    postcode: town.postcode(&dice), phone: nation.landline(in: town, &dice), employees: employees,
                    revenue: revenue, line: line,
                    parent: index >= parents && index < count && dice.percent(18) ? dice.below(parents) : nil,
                    owner: dice.below(staffCount),
                    created: .during(Moment(year: 2019, month: 1, day: 7), Moment(year: 2026, month: 2, day: 27), &dice)
                ))
        }
        return firms
    }

    private static func drawPeople(_ count: Int, firms: [Firm], firmCount: Int, staffCount: Int, _ dice: inout Dice)
        -> [Person]
    {
        var people: [Person] = []
        var emails = Set<String>()
        for index in 0..<(count + spares) {
            let firm = firms[dice.below(firmCount)]
            // A quarter of people come from another country than their employer's: names from everywhere.
            let nation = dice.percent(75) ? firm.nation : dice.pick(allNations)
            let town = dice.pick(nation.towns)
            let given = dice.pick(nation.givenNames)
            let family = dice.pick(nation.familyNames)
            let g = ASCIIFold.words(given, joiner: "")
            let f = ASCIIFold.words(family, joiner: "")
            var local: String
            switch dice.below(5) {
            case 0: local = "\(g).\(f)"
            case 1: local = "\(g.prefix(1)).\(f)"
            case 2: local = "\(g)\(f.prefix(1))"
            case 3: local = "\(f).\(g)"
            default: local = "\(g)_\(f)"
            }
            var counter = 2
            let stem = local
            while !emails.insert("\(local)@\(firm.domain)").inserted {
                local = "\(stem)\(counter)"
                counter += 1
            }
            let email = Cast.mixedCase(local: local, domain: firm.domain, &dice)
            people.append(
                Person(
                    index: index, givenName: given, familyName: family, email: email,
                    town: town, phone: nation.landline(in: town, &dice),
                    mobile: dice.percent(70) ? nation.mobileNumber(&dice) : nil, nation: nation,
                    jobTitle: dice.pick(Trade.englishTitles), germanJobTitle: dice.pick(Trade.germanTitles),
                    firm: firm.index, owner: dice.below(staffCount),
                    created: .during(
                        Moment(year: 2019, month: 3, day: 1), Moment(year: 2026, month: 3, day: 20), &dice),
                    subscribed: dice.percent(40), score: dice.below(101)))
        }
        return people
    }

    /// Emails as people typed them: mostly lower-case, some capitalised, a few shouted. Unique ignoring case.
    private static func mixedCase(local: String, domain: String, _ dice: inout Dice) -> String {
        switch dice.below(20) {
        case 0..<4:
            let capitalised = local.split(separator: ".", omittingEmptySubsequences: false)
                .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: ".")
            return "\(capitalised)@\(domain)"
        case 4: return "\(local)@\(domain)".uppercased()
        case 5: return "\(local)@\(domain.prefix(1).uppercased())\(domain.dropFirst())"
        default: return "\(local)@\(domain)"
        }
    }

    private static func drawDeals(
        _ count: Int, firms: [Firm], firmCount: Int, people: [Person], personCount: Int, staffCount: Int,
        _ dice: inout Dice
    ) -> [Deal] {
        var staffOf = [Int: [Int]]()
        for person in people[..<personCount] { staffOf[person.firm, default: []].append(person.index) }
        var titles = Set<String>()
        var germanTitles = Set<String>()
        var deals: [Deal] = []
        for index in 0..<count {
            let firm = firms[dice.below(firmCount)]
            let contact = staffOf[firm.index].flatMap { dice.percent(92) ? dice.pick($0) : nil }
            let stage = dice.pick([0, 0, 1, 1, 1, 2, 2, 3, 4, 4, 5])
            let close =
                stage >= 4
                ? Moment.during(Moment(year: 2025, month: 2, day: 3), Moment(year: 2026, month: 3, day: 27), &dice)
                : Moment.during(Moment(year: 2026, month: 4, day: 1), Moment(year: 2026, month: 12, day: 30), &dice)
            var amount = Int64(dice.skewedLow(800...450_000)) * 100
            if dice.percent(30) { amount += Int64(dice.within(1...99)) }
            let title = Cast.unique("\(firm.brand) - \(dice.pick(Trade.englishOfferings))", in: &titles)
            let germanTitle = Cast.unique("\(dice.pick(Trade.germanOfferings)) \(firm.brand)", in: &germanTitles)
            deals.append(
                Deal(
                    index: index, title: title, germanTitle: germanTitle, firm: firm.index, contact: contact,
                    stage: stage,
                    amount: amount, currency: firm.nation.currency, close: close, owner: dice.below(staffCount),
                    created: .during(Moment(year: 2024, month: 1, day: 8), min(close, exportDay), &dice)))
        }
        return deals
    }

    /// `text`, or `text (2)`, `text (3)` ...: the first not yet in `taken`.
    static func unique(_ text: String, in taken: inout Set<String>) -> String {
        var candidate = text
        var counter = 2
        while !taken.insert(candidate.lowercased()).inserted {
            candidate = "\(text) (\(counter))"
            counter += 1
        }
        return candidate
    }

    private static let englishNotes = [
        "Customer asked for a revised delivery schedule.", "Budget confirmed by finance.",
        "Decision moved to the next board meeting.", "Needs the security questionnaire first.",
        "Prefers calls before 10am; \"urgent\" only if the line is down.", "Competitor quoted 8% lower, per the buyer.",
    ]
    private static let germanNotes = [
        "Kunde wünscht einen neuen Liefertermin.", "Budget von der Buchhaltung bestätigt.",
        "Entscheidung erst in der nächsten Sitzung; Rückfrage bei Frau Dr. Albers.",
        "Bitte vorher den Fragebogen zur IT-Sicherheit schicken.", "Wettbewerber liegt laut Einkauf 8 % darunter.",
    ]

    private static func drawChores(
        _ count: Int, firmCount: Int, personCount: Int, dealCount: Int, staffCount: Int, _ dice: inout Dice
    ) -> [Chore] {
        (0..<count).map { index in
            let about: Subject
            switch dice.below(100) {
            case ..<35: about = .firm(dice.below(firmCount))
            case ..<70: about = .person(dice.below(personCount))
            default: about = .deal(dice.below(dealCount))
            }
            let lines = dice.pick([0, 0, 0, 1, 1, 1, 1, 2, 3])
            let noteIndices = (0..<lines).map { _ in dice.below(germanNotes.count) }
            return Chore(
                index: index, title: dice.pick(Trade.englishChores), germanTitle: dice.pick(Trade.germanChores),
                details: noteIndices.map { englishNotes[$0] }.joined(separator: "\n"),
                germanDetails: noteIndices.map { germanNotes[$0] }.joined(separator: "\n"),
                due: .during(Moment(year: 2025, month: 10, day: 1), Moment(year: 2026, month: 6, day: 30), &dice),
                isDone: dice.percent(40), assignee: dice.below(staffCount), about: about, priority: dice.below(3),
                kind: dice.below(3), minutes: dice.within(5...90))
        }
    }

    private static func drawProjects(
        _ count: Int, firms: [Firm], firmCount: Int, personCount: Int, _ dice: inout Dice
    ) -> ([Project], [Membership]) {
        var names = Set<String>()
        var projects: [Project] = []
        var memberships: [Membership] = []
        for index in 0..<count {
            let firm = firms[dice.below(firmCount)]
            let name = Cast.unique(
                "\(firm.brand) \(dice.pick(["rollout", "migration", "pilot", "upgrade"]))", in: &names)
            projects.append(
                Project(
                    index: index, name: name, firm: firm.index, budget: Int64(dice.skewedLow(5...900)) * 1_000_00,
                    kickoff: .during(
                        Moment(year: 2025, month: 1, day: 6), Moment(year: 2026, month: 9, day: 28), &dice),
                    status: dice.below(4)))
            var members = Set<Int>()
            let wanted = dice.within(2...4)
            while members.count < wanted { members.insert(dice.below(personCount)) }
            for person in members.sorted() {
                memberships.append(Membership(project: index, person: person, role: dice.below(3)))
            }
        }
        return (projects, memberships)
    }
}
