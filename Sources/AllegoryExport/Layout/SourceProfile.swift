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

    private static let emails = [
        "E-mail", "Email Address", "E-mail Address", "Mail", "Primary Email", "Email 1", "Email1", "Work Email",
        "E-Mail-Adresse",
        "Courriel", "Adresse e-mail", "Correo", "Correo electrónico", "Email addresses", "primary_email",
        "email_address", "emailsPrimaryEmail", "Emails / Primary Email", "userEmail", "User Email",
    ]
    private static let owner = [
        "Owner", "Owner E-mail", "Account Owner", "Record Owner", "Assigned To Email", "Owner Id", "OwnerId",
        "Owner Name",
        "Assigned User Name", "Assigned To", "Owned By", "Salesperson", "Sales Rep", "Account Manager", "Besitzer",
        "Verantwortlich", "Betreuer", "Zuständig", "Propriétaire", "Responsable", "Propietario", "owner_email",
        "owner_id",
    ]
    private static let created = [
        "Created At", "Created Date", "Date Created", "Creation Date", "Created On", "Create Date", "Created Time",
        "CreatedDate", "date_entered", "Erstellt", "Erstellt am", "Angelegt am", "Erstelldatum", "Date de création",
        "Créé le",
        "Fecha de creación", "created_at", "date_created", "Added", "Date Added", "Signup Date", "Sign-up Date",
        "Registered", "Registration Date", "Registriert am",
    ]
    private static let modified = [
        "Modified At", "Updated At", "Last Modified", "Date Modified", "Updated", "Last Modified Date", "Modified Time",
        "Modified On", "LastModifiedDate", "Update Time", "Geändert", "Geändert am", "Zuletzt geändert",
        "Date de modification",
        "updated_at", "modified_at", "date_modified",
    ]

    /// Standard columns per object (the object names `ExportLayout` gives the standard files).
    public static let columns: [String: [Column]] = [
        "companies": [
            column(
                "Company ID", "Account ID", "Organization ID", "Organisation ID", "Org ID", "ID", "Record ID",
                "Account Number",
                "Company Number", "Firmen ID", "Firmennummer", "Kundennummer", "Unternehmens ID", "account_id",
                "company_id"),
            column(
                "Company Name", "Name", "Account Name", "Organization", "Organization Name", "Organisation",
                "Organisation Name",
                "Company", "Business Name", "Firma", "Firmenname", "Unternehmen", "Name der Firma", "Raison sociale",
                "Société",
                "Nom de l'entreprise", "Empresa", "Nombre de la empresa", "Ragione sociale", "display_name",
                "company_name"),
            column(
                "Website", "Web Site", "URL", "Domain", "Web", "Website URL", "Homepage", "Webseite", "Internetseite",
                "Site web", "Sitio web", "Web Address", "Company Website", "domain_name", "domainNamePrimaryLinkUrl",
                "Domain Name / Primary Link URL", "Domain Name"),
            column("Industry", "Sector", "Branche", "Industrie", "Secteur", "Sector de actividad"),
            column(
                "Employees", "Number of Employees", "Employee Count", "Headcount", "No. of Employees",
                "NumberOfEmployees",
                "Mitarbeiter", "Anzahl Mitarbeiter", "Mitarbeiterzahl", "Beschäftigte", "Effectif", "Empleados",
                "Staff", "Size"),
            column(
                "Annual Revenue", "Revenue", "ARR", "AnnualRevenue", "Turnover", "Annual Turnover", "Umsatz",
                "Jahresumsatz",
                "Chiffre d'affaires", "Facturación", "Ingresos"),
            column(
                "Revenue Currency", "Currency", "Währung", "Devise", "Moneda", "Annual Revenue Currency",
                "Revenue Currency Code"),
            column(
                "Phone", "Phone Number", "Telephone", "Main Phone", "Office Phone", "Telefon", "Téléphone", "Teléfono",
                "Tel"),
            column(
                "Street", "Address", "Street Address", "Address 1", "Address Line 1", "Billing Street",
                "Address 1: Street 1",
                "Straße", "Strasse", "Adresse", "Rue", "Calle", "Dirección", "street_address", "addressAddressStreet1",
                "Address / Address 1"),
            column(
                "Street 2", "Address 2", "Address Line 2", "Address 1: Street 2", "Adresszusatz",
                "addressAddressStreet2", "Address / Address 2"),
            column(
                "City", "Town", "Billing City", "Address 1: City", "Ort", "Stadt", "Ville", "Ciudad", "Città",
                "addressAddressCity", "Address / City"),
            column(
                "State", "Region", "Province", "County", "Billing State", "Billing State/Province", "State/Region",
                "Bundesland",
                "Kanton", "État", "Provincia", "addressAddressState", "Address / State"),
            column(
                "Postal Code", "Zip", "ZIP Code", "Postcode", "Post Code", "Billing Zip/Postal Code",
                "Billing Postal Code",
                "Billing Code", "Address 1: ZIP/Postal Code", "PLZ", "Postleitzahl", "Code postal", "Código postal",
                "CAP", "addressAddressPostcode", "Address / Post Code"),
            column(
                "Country", "Country/Region", "Billing Country", "Address 1: Country/Region", "Land", "Pays", "País",
                "Paese", "addressAddressCountry", "Address / Country"),
            column(
                "Parent Company ID", "Parent ID", "Parent Account ID", "Parent Account", "Parent Company",
                "Parent Organisation",
                "Parent Organization", "ParentId", "Muttergesellschaft", "Konzernmutter", "Société mère", "parent_id"),
            Column(name: "Owner Email", synonyms: owner),
            column(
                "LinkedIn", "LinkedIn URL", "LinkedIn Profile", "LinkedIn Page", "linkedinLinkPrimaryLinkUrl",
                "Linkedin / Link URL"),
            Column(name: "Created", synonyms: created), Column(name: "Modified", synonyms: modified),
        ],
        "contacts": [
            column(
                "Contact ID", "Person ID", "ID", "Record ID", "Lead ID", "Kontakt ID", "Personen ID", "contact_id",
                "person_id", "lead_id"),
            column(
                "First Name", "Firstname", "Given Name", "Forename", "Vorname", "Prénom", "Nombre", "first_name",
                "FirstName", "nameFirstName", "Name / First Name"),
            column(
                "Last Name", "Lastname", "Surname", "Family Name", "Nachname", "Familienname", "Nom", "Nom de famille",
                "Apellido",
                "Apellidos", "Cognome", "last_name", "LastName", "nameLastName", "Name / Last Name"),
            Column(name: "Email", synonyms: emails),
            column(
                "Other Emails", "Additional Emails", "Secondary Email", "Other Email", "Non Primary E-mails", "Email 2",
                "Weitere E-Mails"),
            column(
                "Phone", "Phone Number", "Work Phone", "Telephone", "Office Phone", "Business Phone", "Direct Dial",
                "Telefon",
                "Telefon geschäftlich", "Téléphone", "Teléfono", "phone_work", "phonesPrimaryPhoneNumber",
                "Phones / Primary Phone Number"),
            column(
                "Mobile", "Mobile Phone", "Cell", "Cell Phone", "Mobile Number", "MobilePhone", "Handy", "Mobil",
                "Mobiltelefon", "Portable", "Móvil", "phone_mobile"),
            column(
                "Job Title", "Title", "Position", "Role", "Job Position", "Funktion", "Position im Unternehmen",
                "Berufsbezeichnung", "Fonction", "Poste", "Cargo", "job_title", "Job Role", "Job Function",
                "Designation", "jobTitle"),
            column(
                "Company ID", "Account ID", "Organization ID", "Organisation ID", "AccountId", "Firmen ID", "Firma ID",
                "company_id",
                "account_id", "organisation_id"),
            column(
                "Street", "Address", "Street Address", "Mailing Street", "Straße", "Strasse", "Adresse", "Rue", "Calle"),
            column("City", "Town", "Mailing City", "Ort", "Stadt", "Ville", "Ciudad"),
            column("State", "Region", "Province", "County", "Mailing State", "Bundesland", "Provincia"),
            column(
                "Postal Code", "Zip", "ZIP Code", "Postcode", "Post Code", "Mailing Zip", "Mailing Postal Code", "PLZ",
                "Postleitzahl", "Code postal"),
            column("Country", "Country/Region", "Mailing Country", "Land", "Pays", "País"),
            column("LinkedIn", "LinkedIn URL", "LinkedIn Profile", "linkedinLinkPrimaryLinkUrl", "Linkedin / Link URL"),
            Column(name: "Owner Email", synonyms: owner),
            Column(name: "Created", synonyms: created), Column(name: "Modified", synonyms: modified),
            column(
                "Last Activity", "Last Activity Date", "Last Contacted", "Last Activity At", "Last Activity Time",
                "Letzte Aktivität",
                "last_activity_date"),
        ],
        "deals": [
            column(
                "Deal ID", "Opportunity ID", "ID", "Record ID", "Vorgangs ID", "Vorgangsnummer", "Chancen ID",
                "deal_id", "opportunity_id"),
            column(
                "Deal Name", "Name", "Opportunity Name", "Title", "Deal Title", "Topic", "Opportunity", "Vorgang",
                "Bezeichnung",
                "Titel", "Nom de l'affaire", "Nombre de la oportunidad", "deal_name"),
            column(
                "Amount", "Value", "Deal Value", "Deal Amount", "Est. revenue", "Expected Revenue", "Betrag", "Wert",
                "Auftragswert",
                "Volumen", "Montant", "Importe", "Valor"),
            column(
                "Currency", "Currency Code", "CurrencyIsoCode", "Currency of Value", "Währung", "Devise", "Moneda",
                "amountCurrencyCode", "Amount / Currency"),
            column(
                "Stage", "Deal Stage", "Sales Stage", "StageName", "Pipeline Phase", "Phase", "Stufe", "Verkaufsphase",
                "Étape", "Etapa", "deal_stage"),
            column("Pipeline"),
            column(
                "Close Date", "Expected Close Date", "Closing Date", "CloseDate", "Expected Closing", "Est. Close Date",
                "Abschlussdatum", "Erwarteter Abschluss", "Date de clôture", "Fecha de cierre", "close_date",
                "expected_close_date", "Abschluss", "Expected Close", "Target Close", "Est Close"),
            column(
                "Probability", "Win Probability", "Probability (%)", "Deal probability", "Wahrscheinlichkeit",
                "Probabilité", "Probabilidad", "Likelihood", "Chance", "Win Chance", "Confidence"),
            column(
                "Company ID", "Account ID", "AccountId", "Organization ID", "Organisation ID", "Firmen ID",
                "company_id", "account_id"),
            column(
                "Primary Contact ID", "Contact ID", "Point of Contact ID", "ContactId", "Contact person ID",
                "Kontakt ID",
                "primary_contact_id", "contact_id"),
            Column(name: "Owner Email", synonyms: owner), Column(name: "Created", synonyms: created),
            Column(name: "Modified", synonyms: modified),
        ],
        "users": [
            column("User ID", "ID", "Benutzer ID", "user_id"),
            column(
                "Name", "Full Name", "Display Name", "Vollständiger Name", "Nom complet", "nameFirstName",
                "Name / First Name"),
            Column(name: "Email", synonyms: emails),
            column("Active", "Is Active", "Enabled", "Aktiv", "Actif", "Activo"),
        ],
        "stages": [
            column("Pipeline"), column("Stage", "Name", "Phase"),
            column("Order", "Position", "Sort Order", "Reihenfolge"),
            column("Probability"), column("Is Closed", "Closed"), column("Is Won", "Won"),
        ],
        "tasks": [
            column("Task ID", "ID", "Record ID", "Aufgaben ID", "task_id", "Activity ID", "Action No", "Action ID"),
            column("Subject", "Title", "Name", "Betreff", "Titel", "Objet", "Asunto", "Action", "Task", "Task Name"),
            column(
                "Description", "Body", "Details", "Beschreibung", "Notes", "Comments", "Comment", "Kommentar", "Notiz"),
            column(
                "Due Date", "Due", "Due At", "ActivityDate", "Fällig", "Fällig am", "Fälligkeitsdatum", "Échéance",
                "Fecha de vencimiento", "due_date"),
            column("Status", "Done", "Erledigt", "Is Done", "State"),
            column("Priority", "Priorität", "Priorité", "Prioridad"),
            column(
                "Assignee Email", "Assignee", "Assigned To", "Assigned User", "Bearbeiter", "Zugewiesen an",
                "assignee_email"),
            column(
                "Related Type", "Regarding Type", "Parent Type", "Related To Type", "Related To Module",
                "Parent Module", "related_to_type"),
            column(
                "Related ID", "Regarding ID", "Parent ID", "Related To ID", "Related To.id", "WhatId", "related_to_id"),
            Column(name: "Created", synonyms: created),
            column("Completed At", "Completed", "Completion Date", "Erledigt am", "completed_at"),
        ],
        "notes": [
            column("Note ID", "ID", "Record ID", "note_id"),
            column("Title", "Subject", "Note Title", "Titel", "Betreff"),
            column("Body", "Content", "Text", "Note", "Note Content", "Inhalt", "Notiz", "Contenu"),
            column("Body Format", "Format", "Content Type"),
            column("Related Type", "Parent Type", "Parent Module", "Related To Type", "related_to_type"),
            column("Related ID", "Parent ID", "Parent.id", "Related To ID", "ParentId", "related_to_id"),
            column("Author Email", "Author", "Created By", "Autor", "Verfasser", "author_email"),
            Column(name: "Created", synonyms: created),
            Column(name: "Modified", synonyms: modified),
        ],
        "activities": [
            column("Activity ID", "ID", "Record ID", "activity_id"),
            column("Type", "Activity Type", "Art", "Typ", "activity_type", "Kind", "Channel"),
            column("Subject", "Title", "Betreff"), column("Body", "Description", "Notes", "Beschreibung"),
            column("Occurred At", "Date", "Activity Date", "Timestamp", "Datum", "Zeitpunkt", "occurred_at"),
            column("Duration Minutes", "Duration", "Minutes", "Dauer", "duration_minutes"),
            column("Direction", "Richtung"),
            column("Related Type", "Parent Type", "Related To Type", "related_to_type"),
            column("Related ID", "Parent ID", "Related To ID", "related_to_id"),
            column("Participants", "Attendees", "Teilnehmer"), Column(name: "Owner Email", synonyms: owner),
        ],
        "attachments": [
            column("Attachment ID", "ID", "Record ID"), column("File Name", "Filename", "Name", "Dateiname"),
            column("Path", "File Path", "Pfad"),
            column("Size", "File Size", "Bytes", "BodyLength", "Größe"),
            column("MIME Type", "Content Type", "Type", "ContentType"),
            column("SHA256", "SHA-256", "Checksum"), column("Parent Type", "Related Type"),
            column("Parent ID", "Related ID", "ParentId"),
            column("Uploaded At", "Created", "Upload Date"),
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
