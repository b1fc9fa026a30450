/// Who a company is: name, web domain and city, plus the generator that goes on to draw the rest of its row.
/// The domain carries the company's number, so no two companies share one unless planted.
struct CompanyIdentity {
    let index: Int
    let name: String
    let domain: String
    let city: City
    var rng: SplitMix64

    init(index: Int, rng generator: SplitMix64) {
        var rng = generator
        let city = rng.pick(cities)
        let slug: String
        if rng.chance(10) {
            // Partnerships have a comma in their name, which the CSV must quote.
            let first = rng.pick(Vocabulary.partnerNames)
            var second = rng.pick(Vocabulary.partnerNames)
            if second == first { second = "Associates" }
            name = "\(first), \(second) & Partners"
            slug = (first + second).lowercased()
        } else {
            let prefix = rng.pick(Vocabulary.companyPrefixes)
            let root = rng.pick(Vocabulary.companyRoots)
            name = prefix + root + " " + rng.pick(city.country.legalForms)
            slug = (prefix + root).lowercased()
        }
        self.index = index
        self.city = city
        self.domain = slug + String(index + 1) + city.country.topLevelDomain
        self.rng = rng
    }
}
