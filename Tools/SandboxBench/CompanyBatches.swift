/// Realistic company payloads for `POST /rest/batch/companies`: every composite Twenty has on a company, a unique
/// domain per record (the unique field), and sizes like an export's.
enum CompanyBatches {
    private static let words = [
        "Northwind", "Meridian", "Pinepath", "Bluestone", "Copperleaf", "Harbor", "Summit", "Lumen", "Cedar",
        "Orbit", "Granite", "Willow", "Beacon", "Atlas", "Juniper", "Falcon",
    ]
    private static let cities: [(city: String, postcode: String, country: String)] = [
        ("Lyon", "69002", "France"), ("Leeds", "LS1 4DY", "United Kingdom"), ("Austin", "78701", "United States"),
        ("Porto", "4050-123", "Portugal"), ("Utrecht", "3511 AB", "Netherlands"), ("Graz", "8010", "Austria"),
    ]

    static func body(batch: Int, size: Int) -> String {
        let companies = (0..<size).map { company(index: batch * size + $0) }
        return "[" + companies.joined(separator: ",") + "]"
    }

    private static func company(index: Int) -> String {
        let name = "\(words[index % words.count]) \(words[(index / words.count) % words.count]) \(index)"
        let slug = name.lowercased().replacingOccurrences(of: " ", with: "-")
        let place = cities[index % cities.count]
        return """
            {"name":"\(name)",\
            "domainName":{"primaryLinkUrl":"https://\(slug).example.com","primaryLinkLabel":"","secondaryLinks":[]},\
            "linkedinLink":{"primaryLinkUrl":"https://www.linkedin.com/company/\(slug)",\
            "primaryLinkLabel":"","secondaryLinks":[]},\
            "employees":\(10 + index % 4_990),\
            "annualRecurringRevenue":{"amountMicros":\((index % 500 + 1) * 1_000_000_000),"currencyCode":"EUR"},\
            "address":{"addressStreet1":"\(index % 200 + 1) Rue de la République","addressStreet2":"",\
            "addressCity":"\(place.city)","addressState":"","addressPostcode":"\(place.postcode)",\
            "addressCountry":"\(place.country)"},\
            "idealCustomerProfile":\(index % 7 == 0)}
            """
    }
}
