/// A British CRM's export: UK vocabulary (Organisation, Forename, Surname, Postcode, Turnover, Headcount),
/// DD/MM/YYYY dates, pounds. Its ids say nothing about what they name (UUIDs in `Ref`, plain numbers in
/// `Record No` and `Action No` that overlap), and two files have no id at all: opportunities are known by their
/// name and staff by their email, so references to them are by name and email.
enum BritishStyle {
    static let stages = ["Enquiry", "Qualified", "Proposal", "Negotiation", "Won", "Lost"]
    static let likelihoods = [10, 30, 50, 80, 100, 0]
    static let layout = FileLayout.csv(delimiter: ",", lineEnd: "\n", quoteEveryCell: false, byteOrderMark: false)
    static let day = DateStyle.daySlashMonth
    static let number = NumberStyle.pointDecimal

    static func draft(records: Int, seed: UInt64) -> ExportDraft {
        let cast = Cast(
            recipe: CastRecipe(
                style: "british",
                nations: [
                    .unitedKingdom, .unitedKingdom, .unitedKingdom, .unitedKingdom, .unitedKingdom, .unitedKingdom,
                    .ireland, .ireland, .unitedStates, .france, .india, .australia, .poland, .germany,
                ],
                staffNations: [.unitedKingdom, .ireland], sellerDomain: "fenwick-and-hale.co.uk", people: records),
            seed: seed)
        var dice = Dice(seed: seed, lane: "british values")
        var refs = (0..<cast.firms.count).map { _ in Identifiers.uuid(&dice) }
        while Set(refs).count < refs.count { refs = (0..<cast.firms.count).map { _ in Identifiers.uuid(&dice) } }
        var draft = ExportDraft(
            style: "british",
            about: "A British CRM export: UK vocabulary, DD/MM/YYYY, ids that do not name their object, opportunities "
                + "and staff without ids; written by write-foreign-export with planted defects listed below.")
        addStaff(cast, &draft, &dice)
        addOrganisations(cast, refs, &draft, &dice)
        addPeople(cast, refs, &draft, &dice)
        addOpportunities(cast, &draft, &dice)
        addActions(cast, &draft)
        plantDefects(cast, refs, &draft, seed: seed)
        return draft
    }

    static func recordNumber(_ index: Int) -> String { String(1001 + index) }

    private static func addStaff(_ cast: Cast, _ draft: inout ExportDraft, _ dice: inout Dice) {
        draft.add(
            DraftFile(
                path: "staff.csv", role: .users, layout: layout,
                columns: [
                    DraftColumn("Name", "Name", nil, .text), DraftColumn("Email", "Email", nil, .email),
                    DraftColumn("Team", nil, nil, .picklist),
                    DraftColumn("Left Company", "Active", nil, .boolean, format: "Yes/No, Yes when inactive"),
                ],
                keyColumns: ["Email"], keyKind: "natural", labelColumn: "Name", emailColumn: "Email"))
        for member in cast.staff {
            draft.append(
                [
                    "Name": member.fullName, "Email": member.email, "Team": member.team,
                    "Left Company": member.isActive ? "No" : "Yes",
                ],
                to: "staff.csv")
        }
    }

    /// Staff emails as people type them into an owner field: sometimes capitalised.
    private static func typedEmail(_ email: String, _ dice: inout Dice) -> String {
        guard dice.percent(25) else { return email }
        return email.split(separator: ".", omittingEmptySubsequences: false).map {
            $0.prefix(1).uppercased() + $0.dropFirst()
        }
        .joined(separator: ".")
    }

    private static func addOrganisations(_ cast: Cast, _ refs: [String], _ draft: inout ExportDraft, _ dice: inout Dice)
    {
        draft.add(
            DraftFile(
                path: "organisations.csv", role: .companies, layout: layout,
                columns: [
                    DraftColumn("Ref", "Company ID", "allegoryId", .id),
                    DraftColumn("Organisation", "Company Name", "name", .text),
                    DraftColumn("Sector", "Industry", "industry", .picklist),
                    DraftColumn("Address Line 1", "Street", "address.addressStreet1", .text),
                    DraftColumn("Town", "City", "address.addressCity", .text),
                    DraftColumn("County", "State", "address.addressState", .text),
                    DraftColumn("Postcode", "Postal Code", "address.addressPostcode", .text),
                    DraftColumn("Country", "Country", "address.addressCountry", .country),
                    DraftColumn(
                        "Telephone", "Phone", "phone.primaryPhoneNumber", .phone,
                        format: "national in the UK, else international"),
                    DraftColumn("Web Address", "Website", "domainName.primaryLinkUrl", .url),
                    DraftColumn("Headcount", "Employees", "employees", .integer),
                    DraftColumn(
                        "Turnover", "Annual Revenue", "annualRecurringRevenue.amountMicros", .money, format: "£1,234.56"
                    ),
                    DraftColumn(
                        "Parent Organisation", "Parent Company ID", "parentCompanyId", .reference,
                        points: ("organisations.csv", .id)),
                    DraftColumn(
                        "Account Manager", "Owner Email", "accountOwnerId", .reference, points: ("staff.csv", .email)),
                    DraftColumn("Date Added", "Created", "createdAt", .date, format: day.rawValue),
                ],
                keyColumns: ["Ref"], labelColumn: "Organisation", domainColumn: "Web Address"))
        for firm in cast.firms[..<cast.firmCount] {
            draft.append(organisationRow(firm, refs, cast, &dice), to: "organisations.csv")
        }
    }

    static func organisationRow(_ firm: Firm, _ refs: [String], _ cast: Cast, _ dice: inout Dice) -> [String: String] {
        [
            "Ref": refs[firm.index], "Organisation": firm.name, "Sector": firm.line.industry,
            "Address Line 1": firm.street,
            "Town": firm.town.englishName, "County": firm.town.region, "Postcode": firm.postcode,
            "Country": firm.nation.englishName,
            "Telephone": firm.nation.code == "GB" ? firm.phone.national : firm.phone.international,
            "Web Address": Website.write(firm.domain, &dice), "Headcount": String(firm.employees),
            "Turnover": "£" + number.write(hundredths: firm.revenue),
            "Parent Organisation": firm.parent.map { refs[$0] } ?? "",
            "Account Manager": typedEmail(cast.staff[firm.owner].email, &dice), "Date Added": day.write(firm.created),
        ]
    }

    private static func addPeople(_ cast: Cast, _ refs: [String], _ draft: inout ExportDraft, _ dice: inout Dice) {
        draft.add(
            DraftFile(
                path: "people.csv", role: .contacts, layout: layout,
                columns: [
                    DraftColumn("Record No", "Contact ID", "allegoryId", .id),
                    DraftColumn("Title", nil, nil, .picklist),
                    DraftColumn("Forename", "First Name", "name.firstName", .text),
                    DraftColumn("Surname", "Last Name", "name.lastName", .text),
                    DraftColumn("Job Role", "Job Title", "jobTitle", .text),
                    DraftColumn("Email", "Email", "emails.primaryEmail", .email),
                    DraftColumn(
                        "Telephone", "Phone", "phones.primaryPhoneNumber", .phone,
                        format: "national in the UK, else international"),
                    DraftColumn(
                        "Mobile", "Mobile", "phones.additionalPhones", .phone,
                        format: "national in the UK, else international"),
                    DraftColumn("Employer", "Company ID", "companyId", .reference, points: ("organisations.csv", .id)),
                    DraftColumn("Owner", "Owner Email", "ownerId", .reference, points: ("staff.csv", .name)),
                    DraftColumn("Date Added", "Created", "createdAt", .date, format: day.rawValue),
                ],
                keyColumns: ["Record No"], labelColumn: nil, emailColumn: "Email"))
        for person in cast.people[..<cast.personCount] {
            draft.append(personRow(person, refs, cast, &dice), to: "people.csv")
        }
    }

    static func personRow(_ person: Person, _ refs: [String], _ cast: Cast, _ dice: inout Dice) -> [String: String] {
        let local = person.nation.code == "GB"
        return [
            "Record No": recordNumber(person.index), "Title": dice.pick(["", "", "", "", "", "Dr", "Prof", "Mx"]),
            "Forename": person.givenName, "Surname": person.familyName, "Job Role": person.jobTitle,
            "Email": person.email,
            "Telephone": local ? person.phone.national : person.phone.international,
            "Mobile": person.mobile.map { local ? $0.national : $0.international } ?? "", "Employer": refs[person.firm],
            "Owner": cast.staff[person.owner].fullName, "Date Added": day.write(person.created),
        ]
    }

    private static func addOpportunities(_ cast: Cast, _ draft: inout ExportDraft, _ dice: inout Dice) {
        draft.add(
            DraftFile(
                path: "opportunities.csv", role: .deals, layout: layout,
                columns: [
                    DraftColumn("Opportunity", "Deal Name", "name", .text),
                    DraftColumn(
                        "Organisation", "Company ID", "companyId", .reference, points: ("organisations.csv", .name)),
                    DraftColumn(
                        "Main Contact", "Primary Contact ID", "pointOfContactId", .reference,
                        points: ("people.csv", .id)),
                    DraftColumn("Stage", "Stage", "stage", .picklist),
                    DraftColumn("Value (GBP)", "Amount", "amount.amountMicros", .money, format: number.rawValue),
                    DraftColumn("Likelihood", "Probability", "probability", .percent, format: "60%"),
                    DraftColumn("Expected Close", "Close Date", "closeDate", .date, format: day.rawValue),
                    DraftColumn("Account Manager", "Owner Email", "ownerId", .reference, points: ("staff.csv", .email)),
                ],
                keyColumns: ["Opportunity"], keyKind: "natural", labelColumn: "Opportunity"))
        for deal in cast.deals {
            draft.append(
                [
                    "Opportunity": deal.title, "Organisation": cast.firms[deal.firm].name,
                    "Main Contact": deal.contact.map(recordNumber) ?? "", "Stage": stages[deal.stage],
                    "Value (GBP)": number.write(hundredths: deal.amount), "Likelihood": "\(likelihoods[deal.stage])%",
                    "Expected Close": day.write(deal.close),
                    "Account Manager": typedEmail(cast.staff[deal.owner].email, &dice),
                ], to: "opportunities.csv")
        }
    }

    private static func addActions(_ cast: Cast, _ draft: inout ExportDraft) {
        draft.add(
            DraftFile(
                path: "actions.csv", role: .tasks, layout: layout,
                columns: [
                    DraftColumn("Action No", "Task ID", "allegoryId", .id),
                    DraftColumn("Action", "Subject", "title", .text),
                    DraftColumn("Notes", "Description", "bodyV2.markdown", .text),
                    DraftColumn("Due", "Due Date", "dueAt", .date, format: day.rawValue),
                    DraftColumn("Done", "Status", "status", .boolean, format: "Yes/No"),
                    DraftColumn(
                        "Assigned To", "Assignee Email", "assigneeId", .reference, points: ("staff.csv", .name)),
                    DraftColumn(
                        "Organisation", nil, "taskTarget.companyId", .reference, points: ("organisations.csv", .name)),
                    DraftColumn("Person", nil, "taskTarget.personId", .reference, points: ("people.csv", .id)),
                    DraftColumn(
                        "Opportunity", nil, "taskTarget.opportunityId", .reference, points: ("opportunities.csv", .name)
                    ),
                ],
                keyColumns: ["Action No"], labelColumn: "Action"))
        for chore in cast.chores {
            var cells = [
                "Action No": recordNumber(chore.index), "Action": chore.title, "Notes": chore.details,
                "Due": day.write(chore.due),
                "Done": chore.isDone ? "Yes" : "No", "Assigned To": cast.staff[chore.assignee].fullName,
            ]
            switch chore.about {
            case .firm(let index): cells["Organisation"] = cast.firms[index].name
            case .person(let index): cells["Person"] = recordNumber(index)
            case .deal(let index): cells["Opportunity"] = cast.deals[index].title
            }
            draft.append(cells, to: "actions.csv")
        }
    }

    private static func plantDefects(_ cast: Cast, _ refs: [String], _ draft: inout ExportDraft, seed: UInt64) {
        var dice = Dice(seed: seed, lane: "british defects")
        var values = Dice(seed: seed, lane: "british spares")
        let spares = cast.spareFirms
        draft.plantNamesake(in: "organisations.csv", spare: organisationRow(spares[0], refs, cast, &values), &dice)
        draft.plantDuplicateId(in: "organisations.csv", spare: organisationRow(spares[1], refs, cast, &values), &dice)
        draft.plantRepeat(
            .duplicateDomain, in: "organisations.csv", column: "Web Address", variant: Website.variant, &dice)
        draft.plantRepeat(.duplicateEmail, in: "people.csv", column: "Email", variant: { $0.uppercased() }, &dice)
        draft.plantValue(
            .invalidEmail, in: "people.csv", column: "Email", value: "enquiries@", count: 3, free: true,
            detail: "\"enquiries@\" has no domain", &dice)
        draft.plantValue(
            .invalidPhone, in: "people.csv", column: "Telephone", value: "ext. 204",
            detail: "\"ext. 204\" is an extension, not a number", &dice)
        draft.plantBlank(
            in: "people.csv", columns: ["Forename", "Surname", "Email"], field: "Email",
            detail: "neither a name nor an email", &dice)
        draft.plantBlank(
            in: "organisations.csv", columns: ["Organisation"], field: "Organisation", detail: "no organisation name",
            spare: organisationRow(spares[2], refs, cast, &values), &dice)
        let lostRef = Identifiers.uuid(&values)
        draft.plantValue(
            .orphanCompany, in: "people.csv", column: "Employer", value: lostRef,
            detail: "no organisation has the Ref \(lostRef)", &dice)
        draft.plantValue(
            .orphanCompany, in: "opportunities.csv", column: "Organisation", value: cast.strayFirmNames[0],
            detail: "no organisation is named \(cast.strayFirmNames[0])", &dice)
        let lostPerson = recordNumber(cast.people.count + 80)
        draft.plantValue(
            .orphanContact, in: "opportunities.csv", column: "Main Contact", value: lostPerson,
            detail: "no person has the Record No \(lostPerson)", &dice)
        let lostOpportunity = "\(cast.firms[0].brand) - Framework renewal (withdrawn)"
        draft.plantValue(
            .orphanRelated, in: "actions.csv", column: "Opportunity", value: lostOpportunity,
            detail: "no opportunity is named \(lostOpportunity)", &dice)
        draft.plantSelfParent(in: "organisations.csv", parentColumn: "Parent Organisation", by: .id, &dice)
        draft.plantParentLoop(in: "organisations.csv", parentColumn: "Parent Organisation", by: .id, size: 2, &dice)
        draft.plantValue(
            .unknownOwner, in: "organisations.csv", column: "Account Manager", value: cast.strayStaffEmails[0],
            detail: "\(cast.strayStaffEmails[0]) is not among the staff", &dice)
        draft.plantValue(
            .unknownOwner, in: "people.csv", column: "Owner", value: cast.strayStaffNames[1],
            detail: "\(cast.strayStaffNames[1]) is not among the staff", &dice)
        draft.markAmbiguousReferences()
    }
}
