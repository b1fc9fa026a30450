import FieldMap

/// The answer key of the bench: where every column of the generator's contacts, companies and deals belongs in
/// Twenty's standard objects (nil: deliberately not migrated). Custom columns (`Lead Source`, `Tier`) land in new
/// fields named after them.
///
/// FieldMapTests keeps the same table: a test target cannot import an executable, and the table is the generator's
/// contract, so a change to either shows up as a failing test or a lower accuracy here.
enum ExpectedTargets {
    static let table: [String: [String: String?]] = [
        "contacts": [
            "Contact ID": "allegoryId", "First Name": "name.firstName", "Last Name": "name.lastName",
            "Email": "emails.primaryEmail", "Other Emails": "emails.additionalEmails",
            "Phone": "phones.primaryPhoneNumber", "Mobile": "phones.additionalPhones", "Job Title": "jobTitle",
            "Company ID": "companyId", "Street": "mailingAddress.addressStreet1", "City": "mailingAddress.addressCity",
            "State": "mailingAddress.addressState", "Postal Code": "mailingAddress.addressPostcode",
            "Country": "mailingAddress.addressCountry", "LinkedIn": "linkedinLink.primaryLinkUrl", "Owner Email": "ownerId",
            "Created": "createdAt", "Modified": String?.none, "Last Activity": "lastActivityAt", "Lead Source": "leadSource",
            "Newsletter": "newsletterSubscriber",
        ],
        "companies": [
            "Company ID": "allegoryId", "Company Name": "name", "Website": "domainName.primaryLinkUrl",
            "Industry": "industry", "Employees": "employees", "Annual Revenue": "annualRecurringRevenue.amountMicros",
            "Revenue Currency": "annualRecurringRevenue.currencyCode", "Phone": "phone.primaryPhoneNumber",
            "Street": "address.addressStreet1", "Street 2": "address.addressStreet2", "City": "address.addressCity",
            "State": "address.addressState", "Postal Code": "address.addressPostcode", "Country": "address.addressCountry",
            "Parent Company ID": "parentCompanyId", "Owner Email": "accountOwnerId", "LinkedIn": "linkedinLink.primaryLinkUrl",
            "Created": "createdAt", "Modified": String?.none, "Tier": "tier", "Year Founded": "yearFounded",
        ],
        "deals": [
            "Deal ID": "allegoryId", "Deal Name": "name", "Amount": "amount.amountMicros", "Currency": "amount.currencyCode",
            "Stage": "stage", "Pipeline": "pipeline", "Close Date": "closeDate", "Probability": "probability",
            "Company ID": "companyId", "Primary Contact ID": "pointOfContactId", "Owner Email": "ownerId",
            "Created": "createdAt", "Modified": String?.none, "Deal Type": "dealType",
        ],
    ]

    struct Score {
        var right = 0
        var total = 0
        /// `contacts.E-mail Address: expected emails.primaryEmail, got ...`, in a stable order.
        var wrong: [String] = []

        var accuracy: Double { total == 0 ? 0 : Double(right) / Double(total) }
    }

    /// How many expected columns the map sends to their expected target; `renamed` gives a column's header in the
    /// variant (`Email` -> `E-mail Address`).
    static func score(_ map: FieldMap, renamed: [String: [String: String]] = [:]) -> Score {
        var score = Score()
        for object in table.keys.sorted() {
            for (column, expected) in table[object, default: [:]].sorted(by: { $0.key < $1.key }) {
                score.total += 1
                let header = renamed[object]?[column] ?? column
                let actual = map.object(source: object)?.fields.first { $0.column == header }
                if let actual, actual.target == expected {
                    score.right += 1
                } else {
                    score.wrong.append(
                        "\(object).\(header): expected \(expected ?? "not migrated"), got \(actual.map { $0.target ?? "not migrated" } ?? "no mapping")")
                }
            }
        }
        return score
    }
}
