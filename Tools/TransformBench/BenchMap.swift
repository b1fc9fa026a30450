import FieldMap

/// The map the benchmark transforms under: companies and contacts of a generated export, every contact column
/// that has a transform mapped, so each record exercises names, emails, phones, links, dates and references.
enum BenchMap {
    static func field(
        _ column: String, _ target: String, _ transform: Transform, format: String? = nil, references: String? = nil,
        separator: String? = nil
    ) -> FieldMapping {
        FieldMapping(
            column: column, target: target, transform: transform, confidence: 1, reasons: [], format: format,
            references: references, separator: separator)
    }

    static let map = FieldMap(
        twenty: TwentyTarget(), defaults: MapDefaults(timeZone: "America/New_York", country: "US", currency: "USD"),
        owners: OwnerMap(fallback: "sofia@meridian.io"),
        objects: [
            ObjectMap(
                source: "companies", file: "companies.csv", key: "Company ID", target: "company", confidence: 1,
                reasons: [],
                fields: [
                    field("Company Name", "name", .text), field("Website", "domainName.primaryLinkUrl", .url),
                    field("Employees", "employees", .number),
                    field("Annual Revenue", "annualRecurringRevenue.amountMicros", .currencyAmount),
                    field("Revenue Currency", "annualRecurringRevenue.currencyCode", .currencyCode),
                    field("City", "address.addressCity", .text),
                    field("Country", "address.addressCountry", .text),
                    field("Parent Company ID", "parentCompanyId", .reference, references: "companies"),
                    field("Owner Email", "accountOwnerId", .owner),
                    field("Created", "createdAt", .dateTime, format: "MM/DD/YYYY"),
                ]),
            ObjectMap(
                source: "contacts", file: "contacts.csv", key: "Contact ID", target: "person", confidence: 1,
                reasons: [],
                fields: [
                    field("First Name", "name.firstName", .text), field("Last Name", "name.lastName", .text),
                    field("Email", "emails.primaryEmail", .email),
                    field("Other Emails", "emails.additionalEmails", .emailList, separator: ";"),
                    field("Phone", "phones.primaryPhoneNumber", .phone),
                    field("Mobile", "phones.additionalPhones", .phone),
                    field("Job Title", "jobTitle", .text),
                    field("Company ID", "companyId", .reference, references: "companies"),
                    field("LinkedIn", "linkedinLink.primaryLinkUrl", .url),
                    field("Created", "createdAt", .dateTime, format: "iso8601"),
                ]),
        ])

    static let members: [String: String] = Dictionary(
        uniqueKeysWithValues: [
            "sofia", "daniel", "hannah", "marcus", "priya", "tomas", "emily", "jonas", "aisha", "chen", "laura",
            "patrick", "claire", "mateusz",
        ]
        .enumerated().map { ("\($1)@meridian.io", "member-\($0)") })
}
