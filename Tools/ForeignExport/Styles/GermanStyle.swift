/// A German CRM's export as Excel saves "CSV (Trennzeichen-getrennt)": `;` between cells, a UTF-8 BOM, CRLF,
/// German headers, dotted dates, decimal commas with dot thousands, German country names and national phone
/// numbers beside a country column. Deals live in `pipeline.csv`; owners are staff initials (`Kürzel`).
enum GermanStyle {
    static let stages = ["Erstkontakt", "Bedarfsanalyse", "Angebot", "Verhandlung", "Gewonnen", "Verloren"]
    static let probabilities = [10, 25, 50, 75, 100, 0]
    static let layout = FileLayout.csv(delimiter: ";", lineEnd: "\r\n", quoteEveryCell: false, byteOrderMark: true)
    static let number = NumberStyle.commaDecimal

    static func draft(records: Int, seed: UInt64) -> ExportDraft {
        let cast = Cast(
            recipe: CastRecipe(
                style: "german",
                nations: [
                    .germany, .germany, .germany, .germany, .germany, .germany, .austria, .austria, .switzerland,
                    .switzerland, .france, .poland, .unitedKingdom, .unitedStates, .spain,
                ],
                staffNations: [.germany, .austria, .switzerland], sellerDomain: "nordhafen-vertrieb.de", people: records
            ),
            seed: seed)
        var dice = Dice(seed: seed, lane: "german values")
        var draft = ExportDraft(
            style: "german",
            about: "Ein CRM-Export aus Deutschland: ';', BOM, deutsche Spalten, Datum TT.MM.JJJJ, Dezimalkomma; "
                + "written by write-foreign-export with planted defects listed below.")
        addUsers(cast, &draft)
        addFirms(cast, &draft, &dice)
        addPeople(cast, &draft, &dice)
        addPipeline(cast, &draft)
        addTasks(cast, &draft)
        plantDefects(cast, &draft, seed: seed)
        return draft
    }

    static func firmNumber(_ index: Int) -> String { "K\(10_001 + index * 7)" }
    static func personNumber(_ index: Int) -> String { "\(20_001 + index * 3)" }
    static func dealNumber(_ index: Int) -> String { "VG" + String(index + 1).leftPadded(5) }

    private static func addUsers(_ cast: Cast, _ draft: inout ExportDraft) {
        draft.add(
            DraftFile(
                path: "benutzer.csv", role: .users, layout: layout,
                columns: [
                    DraftColumn("Kürzel", "User ID", nil, .id), DraftColumn("Name", "Name", nil, .text),
                    DraftColumn("E-Mail", "Email", nil, .email), DraftColumn("Team", nil, nil, .picklist),
                    DraftColumn("Aktiv", "Active", nil, .boolean, format: "ja/nein"),
                ],
                keyColumns: ["Kürzel"], labelColumn: "Name", emailColumn: "E-Mail"))
        let teams = [
            "Inside Sales": "Innendienst", "Field Sales": "Außendienst", "Key Accounts": "Key Account",
            "Customer Success": "Kundenservice",
        ]
        for member in cast.staff {
            draft.append(
                [
                    "Kürzel": member.initials, "Name": member.fullName, "E-Mail": member.email,
                    "Team": teams[member.team] ?? member.team, "Aktiv": member.isActive ? "ja" : "nein",
                ], to: "benutzer.csv")
        }
    }

    private static func addFirms(_ cast: Cast, _ draft: inout ExportDraft, _ dice: inout Dice) {
        draft.add(
            DraftFile(
                path: "firmen.csv", role: .companies, layout: layout,
                columns: [
                    DraftColumn("Kundennr.", "Company ID", "allegoryId", .id),
                    DraftColumn("Firma", "Company Name", "name", .text),
                    DraftColumn("Branche", "Industry", "industry", .picklist),
                    DraftColumn("Straße", "Street", "address.addressStreet1", .text),
                    DraftColumn("PLZ", "Postal Code", "address.addressPostcode", .text),
                    DraftColumn("Ort", "City", "address.addressCity", .text),
                    DraftColumn("Land", "Country", "address.addressCountry", .country, format: "German country names"),
                    DraftColumn(
                        "Telefon", "Phone", "phone.primaryPhoneNumber", .phone, format: "national, country in Land"),
                    DraftColumn("Webseite", "Website", "domainName.primaryLinkUrl", .url),
                    DraftColumn("Mitarbeiter", "Employees", "employees", .integer, format: "1.234"),
                    DraftColumn(
                        "Jahresumsatz", "Annual Revenue", "annualRecurringRevenue.amountMicros", .money,
                        format: number.rawValue),
                    DraftColumn("Währung", "Revenue Currency", "annualRecurringRevenue.currencyCode", .currencyCode),
                    DraftColumn(
                        "Muttergesellschaft", "Parent Company ID", "parentCompanyId", .reference,
                        points: ("firmen.csv", .id)),
                    DraftColumn("Betreuer", "Owner Email", "accountOwnerId", .reference, points: ("benutzer.csv", .id)),
                    DraftColumn(
                        "Angelegt am", "Created", "createdAt", .datetime, format: DateStyle.dottedWithTime.rawValue),
                ],
                keyColumns: ["Kundennr."], labelColumn: "Firma", domainColumn: "Webseite"))
        for firm in cast.firms[..<cast.firmCount] { draft.append(firmRow(firm, cast, &dice), to: "firmen.csv") }
    }

    static func firmRow(_ firm: Firm, _ cast: Cast, _ dice: inout Dice) -> [String: String] {
        [
            "Kundennr.": firmNumber(firm.index), "Firma": firm.name, "Branche": firm.line.germanIndustry,
            "Straße": firm.street, "PLZ": firm.postcode, "Ort": firm.town.name, "Land": firm.nation.germanName,
            "Telefon": firm.phone.national, "Webseite": Website.write(firm.domain, &dice),
            "Mitarbeiter": number.write(whole: firm.employees), "Jahresumsatz": number.write(hundredths: firm.revenue),
            "Währung": firm.nation.currency, "Muttergesellschaft": firm.parent.map(firmNumber) ?? "",
            "Betreuer": cast.staff[firm.owner].initials, "Angelegt am": DateStyle.dottedWithTime.write(firm.created),
        ]
    }

    private static func addPeople(_ cast: Cast, _ draft: inout ExportDraft, _ dice: inout Dice) {
        draft.add(
            DraftFile(
                path: "personen.csv", role: .contacts, layout: layout,
                columns: [
                    DraftColumn("Personen-Nr.", "Contact ID", "allegoryId", .id),
                    DraftColumn("Vorname", "First Name", "name.firstName", .text),
                    DraftColumn("Nachname", "Last Name", "name.lastName", .text),
                    DraftColumn("Position", "Job Title", "jobTitle", .text),
                    DraftColumn("E-Mail", "Email", "emails.primaryEmail", .email),
                    DraftColumn(
                        "Telefon", "Phone", "phones.primaryPhoneNumber", .phone, format: "national, country in Land"),
                    DraftColumn(
                        "Mobil", "Mobile", "phones.additionalPhones", .phone, format: "national, country in Land"),
                    DraftColumn(
                        "Land", "Country", "mailingAddress.addressCountry", .country, format: "German country names"),
                    DraftColumn("Kundennr.", "Company ID", "companyId", .reference, points: ("firmen.csv", .id)),
                    DraftColumn("Betreuer", "Owner Email", "ownerId", .reference, points: ("benutzer.csv", .id)),
                    DraftColumn("Newsletter", nil, "new-field", .boolean, format: "ja/nein"),
                    DraftColumn("Erstellt", "Created", "createdAt", .date, format: DateStyle.dotted.rawValue),
                ],
                keyColumns: ["Personen-Nr."], labelColumn: nil, emailColumn: "E-Mail"))
        for person in cast.people[..<cast.personCount] { draft.append(personRow(person, cast), to: "personen.csv") }
    }

    static func personRow(_ person: Person, _ cast: Cast) -> [String: String] {
        [
            "Personen-Nr.": personNumber(person.index), "Vorname": person.givenName, "Nachname": person.familyName,
            "Position": person.germanJobTitle, "E-Mail": person.email, "Telefon": person.phone.national,
            "Mobil": person.mobile?.national ?? "", "Land": person.nation.germanName,
            "Kundennr.": firmNumber(person.firm), "Betreuer": cast.staff[person.owner].initials,
            "Newsletter": person.subscribed ? "ja" : "nein", "Erstellt": DateStyle.dotted.write(person.created),
        ]
    }

    private static func addPipeline(_ cast: Cast, _ draft: inout ExportDraft) {
        draft.add(
            DraftFile(
                path: "pipeline.csv", role: .deals, layout: layout,
                columns: [
                    DraftColumn("Vorgangsnr.", "Deal ID", "allegoryId", .id),
                    DraftColumn("Bezeichnung", "Deal Name", "name", .text),
                    DraftColumn("Kundennr.", "Company ID", "companyId", .reference, points: ("firmen.csv", .id)),
                    DraftColumn(
                        "Ansprechpartner", "Primary Contact ID", "pointOfContactId", .reference,
                        points: ("personen.csv", .id)),
                    DraftColumn("Phase", "Stage", "stage", .picklist),
                    DraftColumn("Volumen", "Amount", "amount.amountMicros", .money, format: number.rawValue),
                    DraftColumn("Währung", "Currency", "amount.currencyCode", .currencyCode),
                    DraftColumn("Wahrscheinlichkeit", "Probability", "probability", .percent, format: "25 %"),
                    DraftColumn("Abschluss", "Close Date", "closeDate", .date, format: DateStyle.dotted.rawValue),
                    DraftColumn("Verantwortlich", "Owner Email", "ownerId", .reference, points: ("benutzer.csv", .id)),
                ],
                keyColumns: ["Vorgangsnr."], labelColumn: "Bezeichnung"))
        for deal in cast.deals {
            draft.append(
                [
                    "Vorgangsnr.": dealNumber(deal.index), "Bezeichnung": deal.germanTitle,
                    "Kundennr.": firmNumber(deal.firm),
                    "Ansprechpartner": deal.contact.map(personNumber) ?? "", "Phase": stages[deal.stage],
                    "Volumen": number.write(hundredths: deal.amount), "Währung": deal.currency,
                    "Wahrscheinlichkeit": "\(probabilities[deal.stage]) %",
                    "Abschluss": DateStyle.dotted.write(deal.close),
                    "Verantwortlich": cast.staff[deal.owner].initials,
                ], to: "pipeline.csv")
        }
    }

    private static func addTasks(_ cast: Cast, _ draft: inout ExportDraft) {
        draft.add(
            DraftFile(
                path: "aufgaben.csv", role: .tasks, layout: layout,
                columns: [
                    DraftColumn("Aufgabe", "Task ID", "allegoryId", .id),
                    DraftColumn("Betreff", "Subject", "title", .text),
                    DraftColumn("Beschreibung", "Description", "bodyV2.markdown", .text),
                    DraftColumn("Fällig am", "Due Date", "dueAt", .date, format: DateStyle.dotted.rawValue),
                    DraftColumn("Erledigt", "Status", "status", .boolean, format: "ja/nein"),
                    DraftColumn(
                        "Bearbeiter", "Assignee Email", "assigneeId", .reference, points: ("benutzer.csv", .id)),
                    DraftColumn("Bezug", "Related Type", nil, .picklist),
                    DraftColumn("Bezugs-Nr.", "Related ID", nil, .reference),
                ],
                keyColumns: ["Aufgabe"], labelColumn: "Betreff"))
        draft.polymorphs.append(
            DraftPolymorph(
                path: "aufgaben.csv", typeColumn: "Bezug", idColumn: "Bezugs-Nr.",
                targets: ["Firma": "firmen.csv", "Person": "personen.csv", "Vorgang": "pipeline.csv"]))
        for chore in cast.chores {
            let (type, id): (String, String)
            switch chore.about {
            case .firm(let index): (type, id) = ("Firma", firmNumber(index))
            case .person(let index): (type, id) = ("Person", personNumber(index))
            case .deal(let index): (type, id) = ("Vorgang", dealNumber(index))
            }
            draft.append(
                [
                    "Aufgabe": "AUF-" + String(chore.index + 101).leftPadded(6), "Betreff": chore.germanTitle,
                    "Beschreibung": chore.germanDetails, "Fällig am": DateStyle.dotted.write(chore.due),
                    "Erledigt": chore.isDone ? "ja" : "nein", "Bearbeiter": cast.staff[chore.assignee].initials,
                    "Bezug": type, "Bezugs-Nr.": id,
                ], to: "aufgaben.csv")
        }
    }

    private static func plantDefects(_ cast: Cast, _ draft: inout ExportDraft, seed: UInt64) {
        var dice = Dice(seed: seed, lane: "german defects")
        var values = Dice(seed: seed, lane: "german spares")
        let unknownInitials = "ZQX"
        draft.plantDuplicateId(in: "personen.csv", spare: personRow(cast.sparePeople[0], cast), &dice)
        draft.plantRepeat(.duplicateEmail, in: "personen.csv", column: "E-Mail", variant: { $0.uppercased() }, &dice)
        draft.plantRepeat(.duplicateDomain, in: "firmen.csv", column: "Webseite", variant: Website.variant, &dice)
        draft.plantBlank(
            in: "firmen.csv", columns: ["Firma"], field: "Firma", detail: "kein Firmenname",
            spare: firmRow(cast.spareFirms[0], cast, &values), &dice)
        draft.plantBlank(
            in: "pipeline.csv", columns: ["Bezeichnung"], field: "Bezeichnung", detail: "keine Bezeichnung", &dice)
        draft.plantValue(
            .invalidPhone, in: "firmen.csv", column: "Telefon", value: "0800 SCHNELL",
            detail: "\"0800 SCHNELL\" has letters", &dice)
        draft.plantValue(
            .invalidPhone, in: "personen.csv", column: "Mobil", value: "0151 12", detail: "\"0151 12\" has 6 digits",
            &dice)
        let lostFirm = firmNumber(cast.firms.count + 60)
        draft.plantValue(
            .orphanCompany, in: "personen.csv", column: "Kundennr.", value: lostFirm,
            detail: "no company has the number \(lostFirm)", &dice)
        draft.plantValue(
            .orphanCompany, in: "pipeline.csv", column: "Kundennr.", value: lostFirm,
            detail: "no company has the number \(lostFirm)", &dice)
        let lostPerson = personNumber(cast.people.count + 60)
        draft.plantValue(
            .orphanContact, in: "pipeline.csv", column: "Ansprechpartner", value: lostPerson,
            detail: "no person has the number \(lostPerson)", &dice)
        let lostDeal = dealNumber(cast.deals.count + 60)
        draft.plantValue(
            .orphanRelated, in: "aufgaben.csv", column: "Bezugs-Nr.", value: lostDeal,
            detail: "no Vorgang has the number \(lostDeal)",
            &dice, where: { $0["Bezug"] == "Vorgang" })
        draft.plantValue(
            .orphanRelated, in: "aufgaben.csv", column: "Bezugs-Nr.", value: lostPerson,
            detail: "no Person has the number \(lostPerson)",
            &dice, where: { $0["Bezug"] == "Person" })
        draft.plantSelfParent(in: "firmen.csv", parentColumn: "Muttergesellschaft", by: .id, &dice)
        draft.plantParentLoop(in: "firmen.csv", parentColumn: "Muttergesellschaft", by: .id, size: 2, &dice)
        draft.plantValue(
            .unknownOwner, in: "firmen.csv", column: "Betreuer", value: unknownInitials,
            detail: "\(unknownInitials) is not among the users", &dice)
        draft.plantValue(
            .unknownOwner, in: "pipeline.csv", column: "Verantwortlich", value: unknownInitials,
            detail: "\(unknownInitials) is not among the users", &dice)
        draft.markAmbiguousReferences()
    }
}
