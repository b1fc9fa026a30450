/// The "allegory" source profile: the standard columns of each standard object, and the other names the same
/// column goes by in real exports. A header matches a column when, normalised (`HeaderName.normalize`), it equals
/// the column's name or one of its synonyms; anything else in a standard file is a custom field.
public enum SourceProfile {
    public struct Column: Sendable, Equatable {
        /// The name as ALLEGORY_EXPORT.md writes it.
        public let name: String
        public let synonyms: [String]
    }

    static func column(_ name: String, _ synonyms: String...) -> Column { Column(name: name, synonyms: synonyms) }

    private static let emails = ["E-mail", "Email Address", "E-mail Address", "Mail", "Primary Email"]
    private static let owner = ["Owner", "Owner E-mail", "Account Owner", "Record Owner", "Assigned To Email"]
    private static let created = ["Created At", "Created Date", "Date Created", "Creation Date", "Created On"]
    private static let modified = ["Modified At", "Updated At", "Last Modified", "Date Modified", "Updated"]

    /// Standard columns per object (the object names `ExportLayout` gives the standard files).
    public static let columns: [String: [Column]] = [
        "companies": [
            column("Company ID", "Account ID", "Organization ID", "Org ID", "ID"),
            column("Company Name", "Name", "Account Name", "Organization", "Organization Name", "Company"),
            column("Website", "Web Site", "URL", "Domain", "Web"), column("Industry", "Sector"),
            column("Employees", "Number of Employees", "Employee Count", "Headcount", "No. of Employees"),
            column("Annual Revenue", "Revenue", "ARR"), column("Revenue Currency", "Currency"),
            column("Phone", "Phone Number", "Telephone", "Main Phone"), column("Street", "Address", "Street Address", "Address 1"),
            column("Street 2", "Address 2", "Address Line 2"), column("City", "Town"),
            column("State", "Region", "Province", "County"), column("Postal Code", "Zip", "ZIP Code", "Postcode"),
            column("Country", "Country/Region"), column("Parent Company ID", "Parent ID", "Parent Account ID"),
            Column(name: "Owner Email", synonyms: owner), column("LinkedIn", "LinkedIn URL", "LinkedIn Profile"),
            Column(name: "Created", synonyms: created), Column(name: "Modified", synonyms: modified),
        ],
        "contacts": [
            column("Contact ID", "Person ID", "ID"), column("First Name", "Firstname", "Given Name", "Forename"),
            column("Last Name", "Lastname", "Surname", "Family Name"), Column(name: "Email", synonyms: emails),
            column("Other Emails", "Additional Emails", "Secondary Email", "Other Email"),
            column("Phone", "Phone Number", "Work Phone", "Telephone", "Office Phone"),
            column("Mobile", "Mobile Phone", "Cell", "Cell Phone"), column("Job Title", "Title", "Position", "Role"),
            column("Company ID", "Account ID", "Organization ID"), column("Street", "Address", "Street Address"),
            column("City", "Town"), column("State", "Region", "Province"), column("Postal Code", "Zip", "ZIP Code", "Postcode"),
            column("Country"), column("LinkedIn", "LinkedIn URL", "LinkedIn Profile"), Column(name: "Owner Email", synonyms: owner),
            Column(name: "Created", synonyms: created), Column(name: "Modified", synonyms: modified),
            column("Last Activity", "Last Activity Date", "Last Contacted", "Last Activity At"),
        ],
        "deals": [
            column("Deal ID", "Opportunity ID", "ID"), column("Deal Name", "Name", "Opportunity Name", "Title"),
            column("Amount", "Value", "Deal Value", "Deal Amount"), column("Currency", "Currency Code"),
            column("Stage", "Deal Stage", "Sales Stage"), column("Pipeline"),
            column("Close Date", "Expected Close Date", "Closing Date"), column("Probability", "Win Probability"),
            column("Company ID", "Account ID"), column("Primary Contact ID", "Contact ID", "Point of Contact ID"),
            Column(name: "Owner Email", synonyms: owner), Column(name: "Created", synonyms: created),
            Column(name: "Modified", synonyms: modified),
        ],
        "users": [column("User ID", "ID"), column("Name", "Full Name"), Column(name: "Email", synonyms: emails), column("Active", "Is Active", "Enabled")],
        "stages": [column("Pipeline"), column("Stage", "Name"), column("Order", "Position", "Sort Order"), column("Probability"), column("Is Closed", "Closed"), column("Is Won", "Won")],
        "tasks": [
            column("Task ID", "ID"), column("Subject", "Title", "Name"), column("Description", "Body", "Details"),
            column("Due Date", "Due", "Due At"), column("Status"), column("Priority"),
            column("Assignee Email", "Assignee", "Assigned To"), column("Related Type", "Regarding Type", "Parent Type"),
            column("Related ID", "Regarding ID", "Parent ID"), Column(name: "Created", synonyms: created),
            column("Completed At", "Completed", "Completion Date"),
        ],
        "notes": [
            column("Note ID", "ID"), column("Title", "Subject"), column("Body", "Content", "Text", "Note"),
            column("Body Format", "Format", "Content Type"), column("Related Type", "Parent Type"), column("Related ID", "Parent ID"),
            column("Author Email", "Author", "Created By"), Column(name: "Created", synonyms: created),
            Column(name: "Modified", synonyms: modified),
        ],
        "activities": [
            column("Activity ID", "ID"), column("Type", "Activity Type"), column("Subject", "Title"), column("Body", "Description", "Notes"),
            column("Occurred At", "Date", "Activity Date", "Timestamp"), column("Duration Minutes", "Duration", "Minutes"),
            column("Direction"), column("Related Type", "Parent Type"), column("Related ID", "Parent ID"),
            column("Participants", "Attendees"), Column(name: "Owner Email", synonyms: owner),
        ],
        "attachments": [
            column("Attachment ID", "ID"), column("File Name", "Filename", "Name"), column("Path", "File Path"),
            column("Size", "File Size", "Bytes"), column("MIME Type", "Content Type", "Type"), column("SHA256", "SHA-256", "Checksum"),
            column("Parent Type", "Related Type"), column("Parent ID", "Related ID"), column("Uploaded At", "Created", "Upload Date"),
        ],
    ]

    /// How one header of a file relates to the profile.
    public enum Match: Sendable, Equatable {
        /// The standard column, and whether the header is its name (`exact`) or a synonym.
        case standard(column: String, exact: Bool)
        /// Not a standard column of this object: a custom field.
        case custom
    }

    /// Matches each header of a file of `object` to the standard columns; a standard column is claimed by the first
    /// header that matches it (exact names before synonyms), so a second `Email` is custom.
    public static func match(header: [String], object: String) -> [Match] {
        guard let columns = columns[object] else { return header.map { _ in .custom } }
        var result = [Match](repeating: .custom, count: header.count)
        var claimed = Set<String>()
        let normalized = header.map(HeaderName.normalize)
        for pass in 0..<2 {
            for (index, name) in normalized.enumerated() where result[index] == .custom {
                let found = columns.first { column in
                    !claimed.contains(column.name)
                        && (pass == 0
                            ? HeaderName.normalize(column.name) == name
                            : column.synonyms.contains { HeaderName.normalize($0) == name })
                }
                if let found {
                    claimed.insert(found.name)
                    result[index] = .standard(column: found.name, exact: pass == 0)
                }
            }
        }
        return result
    }
}
