/// A product team's dump of its own sales database: snake_case headers and prefixed random ids (`acc_`, `ld_`),
/// every way of writing time at once (Unix seconds, Excel serials with fractions, YYYYMMDD, ISO), activities as
/// NDJSON with a polymorphic `related_to_type` + `related_to_id`, a custom object (projects, whose `client` holds
/// account ids) and a junction file linking projects and leads. Owners are users' emails.
enum SnakeStyle {
    static let stages = ["new", "qualified", "demo_done", "proposal_sent", "closed_won", "closed_lost"]
    static let probabilities = ["0.1", "0.25", "0.4", "0.7", "1.0", "0.0"]
    static let layout = FileLayout.csv(delimiter: ",", lineEnd: "\n", quoteEveryCell: false, byteOrderMark: false)

    /// The random ids of one export, unique within it.
    struct Ids {
        var accounts: [String] = []
        var leads: [String] = []
        var deals: [String] = []
        var projects: [String] = []
        var activities: [String] = []
        var taken = Set<String>()

        mutating func make(_ prefix: String, _ dice: inout Dice) -> String {
            while true {
                let id = prefix + Identifiers.token(&dice, length: 8)
                if taken.insert(id).inserted { return id }
            }
        }
    }

    static func draft(records: Int, seed: UInt64) -> ExportDraft {
        let cast = Cast(
            recipe: CastRecipe(
                style: "snake",
                nations: [
                    .unitedStates, .unitedStates, .unitedStates, .unitedKingdom, .germany, .france, .spain, .poland,
                    .japan, .india, .brazil, .australia, .canada, .ireland,
                ],
                staffNations: [.unitedStates, .unitedKingdom, .india, .brazil], sellerDomain: "tallyforge.io",
                people: records),
            seed: seed)
        var dice = Dice(seed: seed, lane: "snake values")
        var ids = Ids()
        ids.accounts = cast.firms.map { _ in ids.make("acc_", &dice) }
        ids.leads = cast.people.map { _ in ids.make("ld_", &dice) }
        ids.deals = cast.deals.map { _ in ids.make("dl_", &dice) }
        ids.projects = cast.projects.map { _ in ids.make("prj_", &dice) }
        ids.activities = cast.chores.map { _ in ids.make("act_", &dice) }
        var draft = ExportDraft(
            style: "snake",
            about:
                "A snake_case database dump: epoch, Excel-serial, YYYYMMDD and ISO times, NDJSON activities, a custom "
                + "object and a junction; written by write-foreign-export with planted defects listed below.")
        addUsers(cast, &draft)
        addAccounts(cast, ids, &draft)
        addLeads(cast, ids, &draft)
        addDeals(cast, ids, &draft)
        addActivities(cast, ids, &draft)
        addProjects(cast, ids, &draft)
        plantDefects(cast, &ids, &draft, seed: seed)
        return draft
    }

    private static func addUsers(_ cast: Cast, _ draft: inout ExportDraft) {
        draft.add(
            DraftFile(
                path: "users.csv", role: .users, layout: layout,
                columns: [
                    DraftColumn("id", "User ID", nil, .id), DraftColumn("email", "Email", nil, .email),
                    DraftColumn("full_name", "Name", nil, .text), DraftColumn("role", nil, nil, .picklist),
                    DraftColumn("is_active", "Active", nil, .boolean, format: "true/false"),
                ],
                keyColumns: ["id"], labelColumn: "full_name", emailColumn: "email"))
        for member in cast.staff {
            draft.append(
                [
                    "id": String(17 + member.index), "email": member.email, "full_name": member.fullName,
                    "role": member.index == 0 ? "admin" : member.team == "Key Accounts" ? "manager" : "sales_rep",
                    "is_active": member.isActive ? "true" : "false",
                ], to: "users.csv")
        }
    }

    private static func addAccounts(_ cast: Cast, _ ids: Ids, _ draft: inout ExportDraft) {
        draft.add(
            DraftFile(
                path: "accounts.csv", role: .companies, layout: layout,
                columns: [
                    DraftColumn("account_id", "Company ID", "allegoryId", .id),
                    DraftColumn("account_name", "Company Name", "name", .text),
                    DraftColumn("domain", "Website", "domainName.primaryLinkUrl", .url),
                    DraftColumn("industry", "Industry", "industry", .picklist),
                    DraftColumn("employee_count", "Employees", "employees", .integer),
                    DraftColumn(
                        "arr_usd", "Annual Revenue", "annualRecurringRevenue.amountMicros", .money,
                        format: NumberStyle.plain.rawValue),
                    DraftColumn("hq_city", "City", "address.addressCity", .text),
                    DraftColumn(
                        "hq_country_code", "Country", "address.addressCountry", .country, format: "ISO 3166-1 alpha-2"),
                    DraftColumn("phone_e164", "Phone", "phone.primaryPhoneNumber", .phone, format: "E.164"),
                    DraftColumn(
                        "parent_account_id", "Parent Company ID", "parentCompanyId", .reference,
                        points: ("accounts.csv", .id)),
                    DraftColumn(
                        "owner_email", "Owner Email", "accountOwnerId", .reference, points: ("users.csv", .email)),
                    DraftColumn(
                        "created_at_unix", "Created", "createdAt", .datetime, format: DateStyle.unixSeconds.rawValue),
                    DraftColumn("updated_at", "Modified", nil, .datetime, format: DateStyle.isoDateTime.rawValue),
                ],
                keyColumns: ["account_id"], labelColumn: "account_name", domainColumn: "domain"))
        for firm in cast.firms[..<cast.firmCount] { draft.append(accountRow(firm, ids, cast), to: "accounts.csv") }
    }

    static func accountRow(_ firm: Firm, _ ids: Ids, _ cast: Cast) -> [String: String] {
        [
            "account_id": ids.accounts[firm.index], "account_name": firm.name, "domain": firm.domain,
            "industry": ASCIIFold.words(firm.line.industry, joiner: "_"), "employee_count": String(firm.employees),
            "arr_usd": NumberStyle.plain.write(hundredths: firm.revenue), "hq_city": firm.town.englishName,
            "hq_country_code": firm.nation.code, "phone_e164": firm.phone.e164,
            "parent_account_id": firm.parent.map { ids.accounts[$0] } ?? "",
            "owner_email": cast.staff[firm.owner].email,
            "created_at_unix": DateStyle.unixSeconds.write(firm.created),
            "updated_at": DateStyle.isoDateTime.write(
                Moment(
                    secondsSinceEpoch: firm.created.secondsSinceEpoch
                        + (Cast.exportDay.secondsSinceEpoch - firm.created.secondsSinceEpoch) / 2)),
        ]
    }

    private static func addLeads(_ cast: Cast, _ ids: Ids, _ draft: inout ExportDraft) {
        draft.add(
            DraftFile(
                path: "leads.csv", role: .contacts, layout: layout,
                columns: [
                    DraftColumn("lead_id", "Contact ID", "allegoryId", .id),
                    DraftColumn("first_name", "First Name", "name.firstName", .text),
                    DraftColumn("last_name", "Last Name", "name.lastName", .text),
                    DraftColumn("email", "Email", "emails.primaryEmail", .email),
                    DraftColumn("phone", "Phone", "phones.primaryPhoneNumber", .phone, format: "international"),
                    DraftColumn("title", "Job Title", "jobTitle", .text),
                    DraftColumn("account_id", "Company ID", "companyId", .reference, points: ("accounts.csv", .id)),
                    DraftColumn("owner_email", "Owner Email", "ownerId", .reference, points: ("users.csv", .email)),
                    DraftColumn("signup_date", "Created", "createdAt", .date, format: DateStyle.compact.rawValue),
                    DraftColumn("lead_score", nil, "new-field", .integer),
                    DraftColumn("newsletter_opt_in", nil, "new-field", .boolean, format: "true/false"),
                ],
                keyColumns: ["lead_id"], labelColumn: nil, emailColumn: "email"))
        for person in cast.people[..<cast.personCount] { draft.append(leadRow(person, ids, cast), to: "leads.csv") }
    }

    static func leadRow(_ person: Person, _ ids: Ids, _ cast: Cast) -> [String: String] {
        [
            "lead_id": ids.leads[person.index], "first_name": person.givenName, "last_name": person.familyName,
            "email": person.email, "phone": person.phone.international, "title": person.jobTitle,
            "account_id": ids.accounts[person.firm], "owner_email": cast.staff[person.owner].email,
            "signup_date": DateStyle.compact.write(person.created), "lead_score": String(person.score),
            "newsletter_opt_in": person.subscribed ? "true" : "false",
        ]
    }

    private static func addDeals(_ cast: Cast, _ ids: Ids, _ draft: inout ExportDraft) {
        draft.add(
            DraftFile(
                path: "deals_pipeline.csv", role: .deals, layout: layout,
                columns: [
                    DraftColumn("deal_id", "Deal ID", "allegoryId", .id),
                    DraftColumn("deal_title", "Deal Name", "name", .text),
                    DraftColumn("account_id", "Company ID", "companyId", .reference, points: ("accounts.csv", .id)),
                    DraftColumn(
                        "primary_lead_id", "Primary Contact ID", "pointOfContactId", .reference,
                        points: ("leads.csv", .id)),
                    DraftColumn("stage_key", "Stage", "stage", .picklist),
                    DraftColumn("amount", "Amount", "amount.amountMicros", .money, format: NumberStyle.plain.rawValue),
                    DraftColumn("currency", "Currency", "amount.currencyCode", .currencyCode),
                    DraftColumn("win_probability", "Probability", "probability", .percent, format: "0-1"),
                    DraftColumn(
                        "close_date_serial", "Close Date", "closeDate", .datetime,
                        format: DateStyle.excelSerial.rawValue),
                    DraftColumn("owner_email", "Owner Email", "ownerId", .reference, points: ("users.csv", .email)),
                ],
                keyColumns: ["deal_id"], labelColumn: "deal_title"))
        for deal in cast.deals {
            draft.append(
                [
                    "deal_id": ids.deals[deal.index], "deal_title": deal.title, "account_id": ids.accounts[deal.firm],
                    "primary_lead_id": deal.contact.map { ids.leads[$0] } ?? "", "stage_key": stages[deal.stage],
                    "amount": NumberStyle.plain.write(hundredths: deal.amount), "currency": deal.currency,
                    "win_probability": probabilities[deal.stage],
                    "close_date_serial": DateStyle.excelSerial.write(deal.close),
                    "owner_email": cast.staff[deal.owner].email,
                ], to: "deals_pipeline.csv")
        }
    }

    private static func addActivities(_ cast: Cast, _ ids: Ids, _ draft: inout ExportDraft) {
        draft.add(
            DraftFile(
                path: "activities.json", role: .activities, layout: .ndjson,
                columns: [
                    DraftColumn("id", "Activity ID", "allegoryId", .id),
                    DraftColumn("kind", "Type", "activityType", .picklist),
                    DraftColumn("subject", "Subject", "title", .text),
                    DraftColumn("body", "Body", "bodyV2.markdown", .text),
                    DraftColumn(
                        "occurred_at", "Occurred At", "createdAt", .datetime, format: DateStyle.isoDateTime.rawValue),
                    DraftColumn("duration_min", "Duration Minutes", "durationMinutes", .integer),
                    DraftColumn("related_to_type", "Related Type", nil, .picklist),
                    DraftColumn("related_to_id", "Related ID", nil, .reference),
                    DraftColumn("logged_by", "Owner Email", "ownerId", .reference, points: ("users.csv", .email)),
                ],
                keyColumns: ["id"], labelColumn: "subject"))
        draft.polymorphs.append(
            DraftPolymorph(
                path: "activities.json", typeColumn: "related_to_type", idColumn: "related_to_id",
                targets: ["Account": "accounts.csv", "Lead": "leads.csv", "Deal": "deals_pipeline.csv"]))
        for chore in cast.chores {
            let (type, id): (String, String)
            switch chore.about {
            case .firm(let index): (type, id) = ("Account", ids.accounts[index])
            case .person(let index): (type, id) = ("Lead", ids.leads[index])
            case .deal(let index): (type, id) = ("Deal", ids.deals[index])
            }
            draft.append(
                [
                    "id": ids.activities[chore.index], "kind": ["call", "email", "meeting"][chore.kind],
                    "subject": chore.title,
                    "body": chore.details, "occurred_at": DateStyle.isoDateTime.write(chore.due.adding(days: -30)),
                    "duration_min": String(chore.minutes), "related_to_type": type, "related_to_id": id,
                    "logged_by": cast.staff[chore.assignee].email,
                ], to: "activities.json")
        }
    }

    private static func addProjects(_ cast: Cast, _ ids: Ids, _ draft: inout ExportDraft) {
        draft.add(
            DraftFile(
                path: "projects.csv", role: .custom, layout: layout,
                columns: [
                    DraftColumn("project_id", nil, "allegoryId", .id),
                    // A custom object's label is the name field every custom object has in Twenty.
                    DraftColumn("project_name", nil, "name", .text),
                    DraftColumn("client", nil, "new-field", .reference, points: ("accounts.csv", .id)),
                    DraftColumn("budget", nil, "new-field", .money, format: NumberStyle.plain.rawValue),
                    DraftColumn("kickoff", nil, "new-field", .date, format: DateStyle.iso.rawValue),
                    DraftColumn("status", nil, "new-field", .picklist),
                ],
                keyColumns: ["project_id"], labelColumn: "project_name"))
        for project in cast.projects {
            draft.append(
                [
                    "project_id": ids.projects[project.index], "project_name": project.name,
                    "client": ids.accounts[project.firm],
                    "budget": NumberStyle.plain.write(hundredths: project.budget),
                    "kickoff": DateStyle.iso.write(project.kickoff),
                    "status": ["planned", "active", "on_hold", "done"][project.status],
                ], to: "projects.csv")
        }
        draft.add(
            DraftFile(
                path: "project_members.csv", role: .junction, layout: layout,
                columns: [
                    DraftColumn("project_id", nil, "new-field", .reference, points: ("projects.csv", .id)),
                    DraftColumn("lead_id", nil, "new-field", .reference, points: ("leads.csv", .id)),
                    DraftColumn("role", nil, "new-field", .picklist),
                ],
                keyColumns: ["project_id", "lead_id"], labelColumn: nil))
        for membership in cast.memberships {
            draft.append(
                [
                    "project_id": ids.projects[membership.project], "lead_id": ids.leads[membership.person],
                    "role": ["sponsor", "key_user", "observer"][membership.role],
                ], to: "project_members.csv")
        }
    }

    private static func plantDefects(_ cast: Cast, _ ids: inout Ids, _ draft: inout ExportDraft, seed: UInt64) {
        var dice = Dice(seed: seed, lane: "snake defects")
        var values = Dice(seed: seed, lane: "snake spares")
        draft.plantDuplicateId(in: "leads.csv", spare: leadRow(cast.sparePeople[0], ids, cast), &dice)
        draft.plantDuplicateId(in: "accounts.csv", spare: accountRow(cast.spareFirms[0], ids, cast), &dice)
        draft.plantRepeat(.duplicateEmail, in: "leads.csv", column: "email", variant: { $0.uppercased() }, &dice)
        draft.plantRepeat(.duplicateDomain, in: "accounts.csv", column: "domain", variant: { $0.uppercased() }, &dice)
        draft.plantValue(
            .invalidEmail, in: "leads.csv", column: "email", value: "sales@localhost", count: 3, free: true,
            detail: "\"sales@localhost\" has no top-level domain", &dice)
        draft.plantValue(
            .invalidPhone, in: "leads.csv", column: "phone", value: "+4930", detail: "\"+4930\" has 4 digits", &dice)
        draft.plantBlank(
            in: "deals_pipeline.csv", columns: ["deal_title"], field: "deal_title", detail: "no deal title", &dice)
        draft.plantBlank(
            in: "leads.csv", columns: ["first_name", "last_name", "email"], field: "email",
            detail: "neither a name nor an email", &dice)
        let lostAccount = ids.make("acc_", &values)
        draft.plantValue(
            .orphanCompany, in: "leads.csv", column: "account_id", value: lostAccount,
            detail: "no account has the id \(lostAccount)", &dice)
        draft.plantValue(
            .orphanCompany, in: "deals_pipeline.csv", column: "account_id", value: lostAccount,
            detail: "no account has the id \(lostAccount)", &dice)
        let lostLead = ids.make("ld_", &values)
        draft.plantValue(
            .orphanContact, in: "deals_pipeline.csv", column: "primary_lead_id", value: lostLead,
            detail: "no lead has the id \(lostLead)", &dice)
        let lostDeal = ids.make("dl_", &values)
        draft.plantValue(
            .orphanRelated, in: "activities.json", column: "related_to_id", value: lostDeal,
            detail: "no Deal has the id \(lostDeal)",
            &dice, where: { $0["related_to_type"] == "Deal" })
        draft.plantValue(
            .orphanRelated, in: "activities.json", column: "related_to_id", value: lostLead,
            detail: "no Lead has the id \(lostLead)",
            &dice, where: { $0["related_to_type"] == "Lead" })
        draft.plantSelfParent(in: "accounts.csv", parentColumn: "parent_account_id", by: .id, &dice)
        draft.plantParentLoop(in: "accounts.csv", parentColumn: "parent_account_id", by: .id, size: 3, &dice)
        draft.plantValue(
            .unknownOwner, in: "deals_pipeline.csv", column: "owner_email",
            value: cast.strayStaffEmails[0].uppercased(),
            detail: "\(cast.strayStaffEmails[0]) is not among the users", &dice)
        draft.plantValue(
            .unknownOwner, in: "activities.json", column: "logged_by", value: cast.strayStaffEmails[1],
            detail: "\(cast.strayStaffEmails[1]) is not among the users", &dice)
        draft.markAmbiguousReferences()
    }
}
