/// A Salesforce org exported through reports: one CSV per object, every cell quoted, CRLF, label headers. Records
/// relate by what the report shows, not ids: a contact's and an opportunity's account by its name, a parent
/// account by its name, owners by full name, an opportunity's primary contact by email. Only tasks carry ids,
/// in a polymorphic `Related Object` + `Related To` pair.
enum SalesforceStyle {
    static let stages = [
        "Prospecting", "Qualification", "Needs Analysis", "Proposal/Price Quote", "Closed Won", "Closed Lost",
    ]
    static let probabilities = [10, 20, 40, 75, 100, 0]
    static let layout = FileLayout.csv(delimiter: ",", lineEnd: "\r\n", quoteEveryCell: true, byteOrderMark: false)
    static let clock = DateStyle.monthSlashDayWithClock
    static let money = NumberStyle.pointDecimal

    static func draft(records: Int, seed: UInt64) -> ExportDraft {
        let cast = Cast(
            recipe: CastRecipe(
                style: "salesforce",
                nations: [
                    .unitedStates, .unitedStates, .unitedStates, .canada, .canada, .unitedKingdom, .germany, .france,
                    .japan, .india, .brazil, .australia, .spain,
                ],
                staffNations: [.unitedStates, .canada, .unitedKingdom], sellerDomain: "harborlight-crm.com",
                people: records),
            seed: seed)
        var dice = Dice(seed: seed, lane: "salesforce values")
        var draft = ExportDraft(
            style: "salesforce",
            about: "A Salesforce report export: label headers, accounts related by name, owners by full name, "
                + "US dates; written by write-foreign-export with planted defects listed below.")
        addUsers(cast, &draft)
        addAccounts(cast, &draft, &dice)
        addContacts(cast, &draft, &dice)
        addOpportunities(cast, &draft, &dice)
        addTasks(cast, &draft, &dice)
        plantDefects(cast, &draft, seed: seed)
        return draft
    }

    static func accountNumber(_ index: Int) -> String { "CD\(451_000 + index * 13)" }

    private static func addUsers(_ cast: Cast, _ draft: inout ExportDraft) {
        draft.add(
            DraftFile(
                path: "User.csv", role: .users, layout: layout,
                columns: [
                    DraftColumn("Id", "User ID", nil, .id), DraftColumn("Full Name", "Name", nil, .text),
                    DraftColumn("Email", "Email", nil, .email), DraftColumn("Alias", nil, nil, .text),
                    DraftColumn("Role", nil, nil, .picklist),
                    DraftColumn("Active", "Active", nil, .boolean, format: "TRUE/FALSE"),
                ],
                keyColumns: ["Id"], labelColumn: "Full Name", emailColumn: "Email"))
        for member in cast.staff {
            draft.append(
                [
                    "Id": Identifiers.salesforce("005", 40 + member.index), "Full Name": member.fullName,
                    "Email": member.email, "Alias": member.initials.lowercased(), "Role": member.team,
                    "Active": member.isActive ? "TRUE" : "FALSE",
                ], to: "User.csv")
        }
    }

    private static func addAccounts(_ cast: Cast, _ draft: inout ExportDraft, _ dice: inout Dice) {
        draft.add(
            DraftFile(
                path: "Account.csv", role: .companies, layout: layout,
                columns: [
                    DraftColumn("Account Number", "Company ID", "allegoryId", .id),
                    DraftColumn("Account Name", "Company Name", "name", .text),
                    DraftColumn("Type", nil, "new-field", .picklist),
                    DraftColumn("Industry", "Industry", "industry", .picklist),
                    DraftColumn("Billing Street", "Street", "address.addressStreet1", .text),
                    DraftColumn("Billing City", "City", "address.addressCity", .text),
                    DraftColumn("Billing State/Province", "State", "address.addressState", .text),
                    DraftColumn("Billing Zip/Postal Code", "Postal Code", "address.addressPostcode", .text),
                    DraftColumn("Billing Country", "Country", "address.addressCountry", .country),
                    DraftColumn("Phone", "Phone", "phone.primaryPhoneNumber", .phone, format: "international"),
                    DraftColumn("Website", "Website", "domainName.primaryLinkUrl", .url),
                    DraftColumn("Number of Employees", "Employees", "employees", .integer),
                    DraftColumn(
                        "Annual Revenue", "Annual Revenue", "annualRecurringRevenue.amountMicros", .money,
                        format: money.rawValue),
                    DraftColumn(
                        "Annual Revenue Currency", "Revenue Currency", "annualRecurringRevenue.currencyCode",
                        .currencyCode),
                    DraftColumn(
                        "Parent Account", "Parent Company ID", "parentCompanyId", .reference,
                        points: ("Account.csv", .name)),
                    DraftColumn(
                        "Account Owner", "Owner Email", "accountOwnerId", .reference, points: ("User.csv", .name)),
                    DraftColumn("Created Date", "Created", "createdAt", .datetime, format: clock.rawValue),
                ],
                keyColumns: ["Account Number"], labelColumn: "Account Name", domainColumn: "Website"))
        for firm in cast.firms[..<cast.firmCount] {
            draft.append(accountRow(firm, cast, &dice), to: "Account.csv")
        }
    }

    static func accountRow(_ firm: Firm, _ cast: Cast, _ dice: inout Dice) -> [String: String] {
        [
            "Account Number": accountNumber(firm.index), "Account Name": firm.name,
            "Type": dice.pick(["Customer - Direct", "Customer - Channel", "Prospect", "Partner"]),
            "Industry": firm.line.industry, "Billing Street": firm.street, "Billing City": firm.town.englishName,
            "Billing State/Province": firm.town.region, "Billing Zip/Postal Code": firm.postcode,
            "Billing Country": firm.nation.englishName, "Phone": firm.phone.international,
            "Website": Website.write(firm.domain, &dice), "Number of Employees": String(firm.employees),
            "Annual Revenue": money.write(hundredths: firm.revenue), "Annual Revenue Currency": firm.nation.currency,
            "Parent Account": firm.parent.map { cast.firms[$0].name } ?? "",
            "Account Owner": cast.staff[firm.owner].fullName, "Created Date": clock.write(firm.created),
        ]
    }

    private static func addContacts(_ cast: Cast, _ draft: inout ExportDraft, _ dice: inout Dice) {
        draft.add(
            DraftFile(
                path: "Contact.csv", role: .contacts, layout: layout,
                columns: [
                    DraftColumn("Id", "Contact ID", "allegoryId", .id),
                    DraftColumn("First Name", "First Name", "name.firstName", .text),
                    DraftColumn("Last Name", "Last Name", "name.lastName", .text),
                    DraftColumn("Title", "Job Title", "jobTitle", .text),
                    DraftColumn("Email", "Email", "emails.primaryEmail", .email),
                    DraftColumn("Phone", "Phone", "phones.primaryPhoneNumber", .phone, format: "international"),
                    DraftColumn("Mobile", "Mobile", "phones.additionalPhones", .phone, format: "E.164"),
                    DraftColumn("Account Name", "Company ID", "companyId", .reference, points: ("Account.csv", .name)),
                    DraftColumn("Mailing City", "City", "mailingAddress.addressCity", .text),
                    DraftColumn("Mailing Country", "Country", "mailingAddress.addressCountry", .country),
                    DraftColumn("Contact Owner", "Owner Email", "ownerId", .reference, points: ("User.csv", .name)),
                    DraftColumn("Lead Source", nil, "new-field", .picklist),
                    DraftColumn("Created Date", "Created", "createdAt", .datetime, format: clock.rawValue),
                ],
                keyColumns: ["Id"], labelColumn: nil, emailColumn: "Email"))
        for person in cast.people[..<cast.personCount] {
            draft.append(contactRow(person, cast, &dice), to: "Contact.csv")
        }
    }

    static func contactRow(_ person: Person, _ cast: Cast, _ dice: inout Dice) -> [String: String] {
        [
            "Id": Identifiers.salesforce("003", 2000 + person.index), "First Name": person.givenName,
            "Last Name": person.familyName, "Title": person.jobTitle, "Email": person.email,
            "Phone": person.phone.international, "Mobile": person.mobile?.e164 ?? "",
            "Account Name": cast.firms[person.firm].name, "Mailing City": person.town.englishName,
            "Mailing Country": person.nation.englishName, "Contact Owner": cast.staff[person.owner].fullName,
            "Lead Source": dice.pick(["Web", "Trade Show", "Partner Referral", "Cold Call", "Webinar"]),
            "Created Date": clock.write(person.created),
        ]
    }

    private static func addOpportunities(_ cast: Cast, _ draft: inout ExportDraft, _ dice: inout Dice) {
        draft.add(
            DraftFile(
                path: "Opportunity.csv", role: .deals, layout: layout,
                columns: [
                    DraftColumn("Opportunity ID", "Deal ID", "allegoryId", .id),
                    DraftColumn("Opportunity Name", "Deal Name", "name", .text),
                    DraftColumn("Account Name", "Company ID", "companyId", .reference, points: ("Account.csv", .name)),
                    DraftColumn(
                        "Primary Contact", "Primary Contact ID", "pointOfContactId", .reference,
                        points: ("Contact.csv", .email)),
                    DraftColumn("Stage", "Stage", "stage", .picklist),
                    DraftColumn("Amount", "Amount", "amount.amountMicros", .money, format: money.rawValue),
                    DraftColumn("Opportunity Currency", "Currency", "amount.currencyCode", .currencyCode),
                    DraftColumn("Probability (%)", "Probability", "probability", .percent, format: "0-100"),
                    DraftColumn(
                        "Close Date", "Close Date", "closeDate", .date, format: DateStyle.monthSlashDay.rawValue),
                    DraftColumn("Opportunity Owner", "Owner Email", "ownerId", .reference, points: ("User.csv", .name)),
                    DraftColumn("Next Step", nil, "new-field", .text),
                    DraftColumn(
                        "Created Date", "Created", "createdAt", .date, format: DateStyle.monthSlashDay.rawValue),
                ],
                keyColumns: ["Opportunity ID"], labelColumn: "Opportunity Name"))
        let steps = [
            "Send pricing", "Security review with IT", "Legal to redline MSA\nthen countersign",
            "Demo for the plant managers", "",
        ]
        for deal in cast.deals {
            draft.append(
                [
                    "Opportunity ID": Identifiers.salesforce("006", 7000 + deal.index), "Opportunity Name": deal.title,
                    "Account Name": cast.firms[deal.firm].name,
                    "Primary Contact": deal.contact.map { cast.people[$0].email } ?? "",
                    "Stage": stages[deal.stage], "Amount": money.write(hundredths: deal.amount),
                    "Opportunity Currency": deal.currency,
                    "Probability (%)": String(probabilities[deal.stage]),
                    "Close Date": DateStyle.monthSlashDay.write(deal.close),
                    "Opportunity Owner": cast.staff[deal.owner].fullName, "Next Step": dice.pick(steps),
                    "Created Date": DateStyle.monthSlashDay.write(deal.created),
                ], to: "Opportunity.csv")
        }
    }

    private static func addTasks(_ cast: Cast, _ draft: inout ExportDraft, _ dice: inout Dice) {
        draft.add(
            DraftFile(
                path: "Task.csv", role: .tasks, layout: layout,
                columns: [
                    DraftColumn("Activity ID", "Task ID", "allegoryId", .id),
                    DraftColumn("Subject", "Subject", "title", .text),
                    DraftColumn("Due Date", "Due Date", "dueAt", .date, format: DateStyle.monthSlashDay.rawValue),
                    DraftColumn("Status", "Status", "status", .picklist),
                    DraftColumn("Priority", "Priority", "priority", .picklist),
                    DraftColumn("Assigned To", "Assignee Email", "assigneeId", .reference, points: ("User.csv", .name)),
                    DraftColumn("Related Object", "Related Type", nil, .picklist),
                    DraftColumn("Related To", "Related ID", nil, .reference),
                    DraftColumn("Comments", "Description", "bodyV2.markdown", .text),
                ],
                keyColumns: ["Activity ID"], labelColumn: "Subject"))
        draft.polymorphs.append(
            DraftPolymorph(
                path: "Task.csv", typeColumn: "Related Object", idColumn: "Related To",
                targets: ["Account": "Account.csv", "Contact": "Contact.csv", "Opportunity": "Opportunity.csv"]))
        for chore in cast.chores {
            let (type, id): (String, String)
            switch chore.about {
            case .firm(let index): (type, id) = ("Account", accountNumber(index))
            case .person(let index): (type, id) = ("Contact", Identifiers.salesforce("003", 2000 + index))
            case .deal(let index): (type, id) = ("Opportunity", Identifiers.salesforce("006", 7000 + index))
            }
            draft.append(
                [
                    "Activity ID": Identifiers.salesforce("00T", 9000 + chore.index), "Subject": chore.title,
                    "Due Date": DateStyle.monthSlashDay.write(chore.due),
                    "Status": chore.isDone ? "Completed" : dice.pick(["Not Started", "In Progress"]),
                    "Priority": ["High", "Normal", "Low"][chore.priority],
                    "Assigned To": cast.staff[chore.assignee].fullName,
                    "Related Object": type, "Related To": id, "Comments": chore.details,
                ], to: "Task.csv")
        }
    }

    private static func plantDefects(_ cast: Cast, _ draft: inout ExportDraft, seed: UInt64) {
        var dice = Dice(seed: seed, lane: "salesforce defects")
        var values = Dice(seed: seed, lane: "salesforce spares")
        let spares = cast.spareFirms
        let sparePeople = cast.sparePeople
        draft.plantNamesake(in: "Account.csv", spare: accountRow(spares[0], cast, &values), &dice)
        draft.plantDuplicateId(in: "Account.csv", spare: accountRow(spares[1], cast, &values), &dice)
        draft.plantDuplicateId(in: "Contact.csv", spare: contactRow(sparePeople[0], cast, &values), &dice)
        draft.plantRepeat(.duplicateEmail, in: "Contact.csv", column: "Email", variant: { $0.uppercased() }, &dice)
        draft.plantRepeat(
            .duplicateEmail, in: "Contact.csv", column: "Email",
            variant: { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }, &dice)
        draft.plantRepeat(.duplicateDomain, in: "Account.csv", column: "Website", variant: Website.variant, &dice)
        draft.plantBlank(
            in: "Account.csv", columns: ["Account Name"], field: "Account Name", detail: "no account name",
            spare: accountRow(spares[2], cast, &values), &dice)
        draft.plantBlank(
            in: "Opportunity.csv", columns: ["Opportunity Name"], field: "Opportunity Name",
            detail: "no opportunity name", &dice)
        draft.plantBlank(
            in: "Contact.csv", columns: ["First Name", "Last Name", "Email"], field: "Email",
            detail: "neither a name nor an email", &dice)
        draft.plantValue(
            .invalidEmail, in: "Contact.csv", column: "Email", value: "accounts payable@northwick", count: 3,
            free: true,
            detail: "\"accounts payable@northwick\" is not an email address", &dice)
        draft.plantValue(
            .invalidPhone, in: "Account.csv", column: "Phone", value: "n/a", detail: "\"n/a\" is not a phone number",
            &dice)
        draft.plantValue(
            .invalidPhone, in: "Contact.csv", column: "Mobile", value: "+1 555", detail: "\"+1 555\" has 4 digits",
            &dice)
        draft.plantValue(
            .orphanCompany, in: "Contact.csv", column: "Account Name", value: cast.strayFirmNames[0],
            detail: "no account is named \(cast.strayFirmNames[0])", &dice)
        draft.plantValue(
            .orphanCompany, in: "Opportunity.csv", column: "Account Name", value: cast.strayFirmNames[1],
            detail: "no account is named \(cast.strayFirmNames[1])", &dice)
        draft.plantValue(
            .orphanContact, in: "Opportunity.csv", column: "Primary Contact", value: cast.strayEmails[0],
            detail: "no contact has the email \(cast.strayEmails[0])", &dice)
        let lostAccount = accountNumber(cast.firms.count + 40)
        draft.plantValue(
            .orphanRelated, in: "Task.csv", column: "Related To", value: lostAccount,
            detail: "no Account has the number \(lostAccount)",
            &dice, where: { $0["Related Object"] == "Account" })
        let lostDeal = Identifiers.salesforce("006", 7000 + cast.deals.count + 40)
        draft.plantValue(
            .orphanRelated, in: "Task.csv", column: "Related To", value: lostDeal,
            detail: "no Opportunity has the id \(lostDeal)",
            &dice, where: { $0["Related Object"] == "Opportunity" })
        draft.plantSelfParent(in: "Account.csv", parentColumn: "Parent Account", by: .name, &dice)
        draft.plantParentLoop(in: "Account.csv", parentColumn: "Parent Account", by: .name, size: 3, &dice)
        draft.plantValue(
            .unknownOwner, in: "Account.csv", column: "Account Owner", value: cast.strayStaffNames[0],
            detail: "\(cast.strayStaffNames[0]) is not among the users", &dice)
        draft.plantValue(
            .unknownOwner, in: "Opportunity.csv", column: "Opportunity Owner", value: cast.strayStaffNames[1],
            detail: "\(cast.strayStaffNames[1]) is not among the users", &dice)
        draft.markAmbiguousReferences()
    }
}
