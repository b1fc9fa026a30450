/// A country the customers of a synthetic CRM live in: how its names, addresses, phone numbers and companies look.
struct Nation: Sendable {
    /// ISO 3166-1 alpha-2.
    let code: String
    let englishName: String
    let germanName: String
    let callingCode: String
    /// What is dialled before an area code inside the country (`0`), empty where nothing is (US, Spain, Italy).
    let trunk: String
    let grouping: PhoneGrouping
    let currency: String
    /// The ending of its companies' web domains: `.de`, `.co.uk`.
    let webSuffix: String
    let towns: [Town]
    let mobile: [PhoneRange]
    let givenNames: [String]
    let familyNames: [String]
    let legalForms: [String]
    /// Whether its company names are built from German words (`Logistik`) or English ones (`Logistics`).
    let speaksGerman: Bool

    func landline(in town: Town, _ dice: inout Dice) -> PhoneNumber {
        number(town.landline, &dice)
    }

    func mobileNumber(_ dice: inout Dice) -> PhoneNumber {
        number(dice.pick(mobile), &dice)
    }

    private func number(_ range: PhoneRange, _ dice: inout Dice) -> PhoneNumber {
        var subscriber = range.lead
        for position in 0..<range.freeDigits {
            // A subscriber number never starts with 0 or 1 (those lead to trunk and service codes).
            subscriber += String(subscriber.isEmpty && position == 0 ? dice.within(2...9) : dice.below(10))
        }
        return PhoneNumber(
            callingCode: callingCode, trunk: trunk, area: range.area, subscriber: subscriber, style: grouping)
    }
}

/// A town: its name in its own language and in English (`München`, `Munich`), its region, how its postcodes look
/// (`#` a digit, `@` a capital letter) and its block of landline numbers.
struct Town: Sendable {
    let name: String
    let englishName: String
    let region: String
    let postcodePattern: String
    let landline: PhoneRange
    let streets: [String]

    func postcode(_ dice: inout Dice) -> String {
        let letters = Array("ABDEFGHJLNPQRSTUWXYZ")
        var result = ""
        for character in postcodePattern {
            switch character {
            case "#": result += String(dice.below(10))
            case "@": result.append(letters[dice.below(letters.count)])
            default: result.append(character)
            }
        }
        return result
    }

    /// A street address in the local order: number after the street in German-speaking and most European
    /// countries, before it in English-speaking ones.
    func streetAddress(numberFirst: Bool, _ dice: inout Dice) -> String {
        let street = dice.pick(streets)
        let number = dice.within(1...180)
        return numberFirst ? "\(number) \(street)" : "\(street) \(number)"
    }
}
