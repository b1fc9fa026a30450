/// The proposer's answer key: where every standard column of the generated contacts, companies and deals belongs
/// in Twenty (nil: deliberately not migrated). Custom columns (`Lead Source`, `Tier`) land in new fields named after
/// them. Kept beside the generator because it is the generator's contract: FieldMapTests and `proposal-bench` both
/// score proposals against it.
public enum ProposalAnswerKey {
    public static let targets: [String: [String: String?]] = [
        "contacts": [
            "Contact ID": "allegoryId", "First Name": "name.firstName", "Last Name": "name.lastName",
            "Email": "emails.primaryEmail", "Other Emails": "emails.additionalEmails",
            "Phone": "phones.primaryPhoneNumber", "Mobile": "phones.additionalPhones", "Job Title": "jobTitle",
            "Company ID": "companyId", "Street": "mailingAddress.addressStreet1", "City": "mailingAddress.addressCity",
            "State": "mailingAddress.addressState", "Postal Code": "mailingAddress.addressPostcode",
            "Country": "mailingAddress.addressCountry", "LinkedIn": "linkedinLink.primaryLinkUrl",
            "Owner Email": "ownerId",
            "Created": "createdAt", "Modified": String?.none, "Last Activity": "lastActivityAt",
            "Lead Source": "leadSource",
            "Newsletter": "newsletterSubscriber",
        ],
        "companies": [
            "Company ID": "allegoryId", "Company Name": "name", "Website": "domainName.primaryLinkUrl",
            "Industry": "industry", "Employees": "employees", "Annual Revenue": "annualRecurringRevenue.amountMicros",
            "Revenue Currency": "annualRecurringRevenue.currencyCode", "Phone": "phone.primaryPhoneNumber",
            "Street": "address.addressStreet1", "Street 2": "address.addressStreet2", "City": "address.addressCity",
            "State": "address.addressState", "Postal Code": "address.addressPostcode",
            "Country": "address.addressCountry",
            "Parent Company ID": "parentCompanyId", "Owner Email": "accountOwnerId",
            "LinkedIn": "linkedinLink.primaryLinkUrl",
            "Created": "createdAt", "Modified": String?.none, "Tier": "tier", "Year Founded": "yearFounded",
        ],
        "deals": [
            "Deal ID": "allegoryId", "Deal Name": "name", "Amount": "amount.amountMicros",
            "Currency": "amount.currencyCode",
            "Stage": "stage", "Pipeline": "pipeline", "Close Date": "closeDate", "Probability": "probability",
            "Company ID": "companyId", "Primary Contact ID": "pointOfContactId", "Owner Email": "ownerId",
            "Created": "createdAt", "Modified": String?.none, "Deal Type": "dealType",
        ],
    ]
}
