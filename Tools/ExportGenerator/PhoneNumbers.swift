/// Valid phone numbers in the three forms exports mix: E.164 ("+14155550123"), international with spaces
/// ("+44 20 7946 0123") and national ("(415) 555-0123", "030 12345678"). Every number follows its country's
/// numbering plan, so the only invalid phones in an export are the planted ones.
enum PhoneNumbers {
    /// Planted invalid values: too short, letters, or not a number at all.
    static let invalid = ["12", "555-CALL-NOW", "n/a", "+1 555", "call me"]

    static func landline(in city: City, _ rng: inout SplitMix64) -> String {
        format(plan: landlinePlan(city), &rng)
    }

    static func mobile(in city: City, _ rng: inout SplitMix64) -> String {
        format(plan: mobilePlan(city.country, &rng, landline: landlinePlan(city)), &rng)
    }

    /// One number range: the digits after the country code are `area` then the subscriber digits in `groups`,
    /// the first of which is one of `leadingDigits`.
    private struct Plan {
        let callingCode: String
        let trunkPrefix: String
        let area: String
        let groups: [Int]
        let leadingDigits: String
        let isNorthAmerican: Bool
    }

    private static func landlinePlan(_ city: City) -> Plan {
        let groups: [Int]
        switch city.country {
        case .unitedStates, .canada: groups = [3, 4]
        case .unitedKingdom: groups = city.areaCode.count == 2 ? [4, 4] : [3, 4]
        case .germany: groups = [8]
        case .france: groups = [2, 2, 2, 2]
        case .netherlands, .ireland: groups = [3, 4]
        case .spain: groups = [3, 2, 2]
        }
        let leading = city.country == .unitedKingdom && city.areaCode == "20" ? "378" : "23456789"
        return Plan(
            callingCode: callingCode(city.country), trunkPrefix: trunkPrefix(city.country), area: city.areaCode,
            groups: groups, leadingDigits: leading,
            isNorthAmerican: city.country == .unitedStates || city.country == .canada)
    }

    private static func mobilePlan(_ country: Country, _ rng: inout SplitMix64, landline: Plan) -> Plan {
        let code = callingCode(country)
        let trunk = trunkPrefix(country)
        switch country {
        case .unitedStates, .canada:
            return landline
        case .unitedKingdom:
            // Only allocated mobile ranges: 07700 and 07911, for example, are not (Ofcom's drama numbers aside).
            return Plan(
                callingCode: code, trunkPrefix: trunk, area: rng.pick(["7812", "7450", "7480", "7723"]),
                groups: [6], leadingDigits: "123456789", isNorthAmerican: false)
        case .germany:
            return Plan(
                callingCode: code, trunkPrefix: trunk, area: rng.pick(["151", "152", "176"]),
                groups: [8], leadingDigits: "123456789", isNorthAmerican: false)
        case .france:
            // 06 numbers continue with any digit but 3 and 9; 07 numbers with 3 to 9.
            let isSix = rng.chance(70)
            return Plan(
                callingCode: code, trunkPrefix: trunk, area: isSix ? "6" : "7",
                groups: [2, 2, 2, 2], leadingDigits: isSix ? "01245678" : "3456789", isNorthAmerican: false)
        case .netherlands:
            return Plan(
                callingCode: code, trunkPrefix: trunk, area: "6",
                groups: [8], leadingDigits: "12345", isNorthAmerican: false)
        case .spain:
            return Plan(
                callingCode: code, trunkPrefix: trunk, area: rng.pick(["612", "655", "678", "699"]),
                groups: [3, 3], leadingDigits: "123456789", isNorthAmerican: false)
        case .ireland:
            return Plan(
                callingCode: code, trunkPrefix: trunk, area: rng.pick(["83", "85", "86", "87", "89"]),
                groups: [3, 4], leadingDigits: "23456789", isNorthAmerican: false)
        }
    }

    private static func callingCode(_ country: Country) -> String {
        switch country {
        case .unitedStates, .canada: "1"
        case .unitedKingdom: "44"
        case .germany: "49"
        case .france: "33"
        case .netherlands: "31"
        case .spain: "34"
        case .ireland: "353"
        }
    }

    /// The digit dialled before the area code inside the country (none in Spain or North America).
    private static func trunkPrefix(_ country: Country) -> String {
        switch country {
        case .unitedStates, .canada, .spain: ""
        case .unitedKingdom, .germany, .france, .netherlands, .ireland: "0"
        }
    }

    private static func format(plan: Plan, _ rng: inout SplitMix64) -> String {
        var groups: [String] = []
        if plan.isNorthAmerican {
            groups = [northAmericanExchange(&rng), digits(4, &rng)]
        } else {
            for (position, length) in plan.groups.enumerated() {
                var group = position == 0 ? String(rng.pick(Array(plan.leadingDigits))) : ""
                group += digits(length - group.count, &rng)
                groups.append(group)
            }
        }
        switch rng.below(10) {
        case 0..<4:
            return "+" + plan.callingCode + plan.area + groups.joined()
        case 4..<7:
            return "+" + plan.callingCode + " " + plan.area + " " + groups.joined(separator: " ")
        default:
            if plan.isNorthAmerican { return "(\(plan.area)) \(groups[0])-\(groups[1])" }
            return plan.trunkPrefix + plan.area + " " + groups.joined(separator: " ")
        }
    }

    /// A central-office code: never N11 (service codes) nor 555 (directory and fictional numbers).
    private static func northAmericanExchange(_ rng: inout SplitMix64) -> String {
        while true {
            let exchange = rng.within(200...999)
            if exchange % 100 != 11 && exchange != 555 { return String(exchange) }
        }
    }

    private static func digits(_ count: Int, _ rng: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<max(0, count) { text.append(Character(Unicode.Scalar(UInt8(48 + rng.below(10))))) }
        return text
    }
}
