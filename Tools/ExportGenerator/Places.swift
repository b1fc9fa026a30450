/// The countries of the synthetic customers, with what follows from each: currency, web domain, legal forms.
enum Country: Sendable {
    case unitedStates, canada, unitedKingdom, germany, france, netherlands, spain, ireland

    var name: String {
        switch self {
        case .unitedStates: "United States"
        case .canada: "Canada"
        case .unitedKingdom: "United Kingdom"
        case .germany: "Germany"
        case .france: "France"
        case .netherlands: "Netherlands"
        case .spain: "Spain"
        case .ireland: "Ireland"
        }
    }

    /// The export's currencies are USD, EUR and GBP only; Canadian customers are billed in USD.
    var currency: String {
        switch self {
        case .unitedStates, .canada: "USD"
        case .unitedKingdom: "GBP"
        case .germany, .france, .netherlands, .spain, .ireland: "EUR"
        }
    }

    var topLevelDomain: String {
        switch self {
        case .unitedStates: ".com"
        case .canada: ".ca"
        case .unitedKingdom: ".co.uk"
        case .germany: ".de"
        case .france: ".fr"
        case .netherlands: ".nl"
        case .spain: ".es"
        case .ireland: ".ie"
        }
    }

    var legalForms: [String] {
        switch self {
        case .unitedStates: ["Inc.", "LLC", "Corp.", "Group"]
        case .canada: ["Inc.", "Ltd.", "Corp."]
        case .unitedKingdom: ["Ltd", "PLC", "LLP"]
        case .germany: ["GmbH", "AG", "GmbH & Co. KG"]
        case .france: ["SAS", "SARL", "S.A."]
        case .netherlands: ["B.V.", "N.V."]
        case .spain: ["S.L.", "S.A."]
        case .ireland: ["Ltd", "DAC"]
        }
    }

    /// Continental addresses put the house number after the street ("Friedrichstraße 12", "Gran Vía, 45").
    func streetAddress(street: String, number: Int) -> String {
        switch self {
        case .germany, .netherlands: "\(street) \(number)"
        case .spain: "\(street), \(number)"
        case .unitedStates, .canada, .unitedKingdom, .france, .ireland: "\(number) \(street)"
        }
    }
}

/// A city with real postal codes and the phone area code of its landlines.
struct City: Sendable {
    let name: String
    let state: String
    let country: Country
    let postalCodes: [String]
    let areaCode: String
    let streets: [String]
}

let cities: [City] = [
    City(
        name: "San Francisco", state: "CA", country: .unitedStates, postalCodes: ["94103", "94107", "94110", "94111"],
        areaCode: "415", streets: ["Market St", "Mission St", "Folsom St", "Valencia St", "Howard St"]),
    City(
        name: "New York", state: "NY", country: .unitedStates, postalCodes: ["10001", "10011", "10013", "10018"],
        areaCode: "212", streets: ["Broadway", "5th Ave", "Madison Ave", "W 26th St", "Hudson St"]),
    City(
        name: "Chicago", state: "IL", country: .unitedStates, postalCodes: ["60601", "60607", "60611", "60654"],
        areaCode: "312", streets: ["N Michigan Ave", "W Randolph St", "N Wells St", "S LaSalle St"]),
    City(
        name: "Austin", state: "TX", country: .unitedStates, postalCodes: ["78701", "78702", "78704"],
        areaCode: "512", streets: ["Congress Ave", "E 6th St", "S Lamar Blvd", "Barton Springs Rd"]),
    City(
        name: "Seattle", state: "WA", country: .unitedStates, postalCodes: ["98101", "98104", "98109"],
        areaCode: "206", streets: ["Pike St", "1st Ave", "Westlake Ave N", "Dexter Ave N"]),
    City(
        name: "Boston", state: "MA", country: .unitedStates, postalCodes: ["02108", "02110", "02116"],
        areaCode: "617", streets: ["Boylston St", "Atlantic Ave", "Summer St", "Newbury St"]),
    City(
        name: "Toronto", state: "ON", country: .canada, postalCodes: ["M5V 2T6", "M5H 2N2", "M4W 1A8"],
        areaCode: "416", streets: ["King St W", "Queen St E", "Bay St", "Spadina Ave"]),
    City(
        name: "Vancouver", state: "BC", country: .canada, postalCodes: ["V6B 1A1", "V6E 4M2", "V6C 3L6"],
        areaCode: "604", streets: ["Granville St", "W Hastings St", "Robson St"]),
    City(
        name: "London", state: "", country: .unitedKingdom, postalCodes: ["EC1A 1BB", "SW1A 2AA", "W1D 3QF", "E1 6AN"],
        areaCode: "20", streets: ["High Holborn", "Old Street", "Shoreditch High Street", "King's Road"]),
    City(
        name: "Manchester", state: "", country: .unitedKingdom, postalCodes: ["M1 1AE", "M2 3BB", "M4 1HN"],
        areaCode: "161", streets: ["Deansgate", "Oxford Road", "Portland Street"]),
    City(
        name: "Berlin", state: "", country: .germany, postalCodes: ["10115", "10178", "10969"],
        areaCode: "30", streets: ["Friedrichstraße", "Torstraße", "Kastanienallee", "Oranienstraße"]),
    City(
        name: "München", state: "", country: .germany, postalCodes: ["80331", "80335", "80469"],
        areaCode: "89", streets: ["Leopoldstraße", "Sendlinger Straße", "Maximilianstraße"]),
    City(
        name: "Hamburg", state: "", country: .germany, postalCodes: ["20095", "20457"],
        areaCode: "40", streets: ["Mönckebergstraße", "Jungfernstieg", "Am Sandtorkai"]),
    City(
        name: "Paris", state: "", country: .france, postalCodes: ["75001", "75008", "75011"],
        areaCode: "1", streets: ["rue de Rivoli", "boulevard Haussmann", "rue Oberkampf", "avenue de l'Opéra"]),
    City(
        name: "Lyon", state: "", country: .france, postalCodes: ["69001", "69002", "69003"],
        areaCode: "4", streets: ["rue de la République", "quai Saint-Antoine", "cours Lafayette"]),
    City(
        name: "Amsterdam", state: "", country: .netherlands, postalCodes: ["1012 AB", "1017 CE", "1071 DJ"],
        areaCode: "20", streets: ["Herengracht", "Keizersgracht", "Damrak", "Van Baerlestraat"]),
    City(
        name: "Rotterdam", state: "", country: .netherlands, postalCodes: ["3011 AD", "3012 CL"],
        areaCode: "10", streets: ["Coolsingel", "Witte de Withstraat", "Wilhelminakade"]),
    City(
        name: "Madrid", state: "", country: .spain, postalCodes: ["28001", "28013", "28046"],
        areaCode: "91", streets: ["Calle de Alcalá", "Gran Vía", "Paseo de la Castellana"]),
    City(
        name: "Barcelona", state: "", country: .spain, postalCodes: ["08001", "08010", "08036"],
        areaCode: "93", streets: ["Passeig de Gràcia", "Carrer de Balmes", "Avinguda Diagonal"]),
    City(
        name: "Dublin", state: "", country: .ireland, postalCodes: ["D02 X285", "D04 E5W7", "D08 VF8H"],
        areaCode: "1", streets: ["Grafton Street", "Baggot Street Lower", "Sir John Rogerson's Quay"]),
]

let secondAddressLines = ["Suite 200", "Suite 1450", "Floor 3", "Unit 12", "Building B", "2nd Floor"]

/// Personal mailboxes, for contacts without a company (work addresses use the company's own domain).
let freeMailDomains = [
    "gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me", "gmx.de", "web.de", "orange.fr",
    "hotmail.co.uk",
]
