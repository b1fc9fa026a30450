import FieldMap
import Ledger
import Testing

@testable import RecordTransform

/// Every rejection code, produced by a record made for it, reported with the record's file, line, id and field.
@Suite("Rejection codes")
struct RejectionCodeTests {
    static func field(
        _ column: String, _ target: String, _ transform: Transform, values: [ValueMapping] = [],
        references: String? = nil
    ) -> FieldMapping {
        FieldMapping(
            column: column, target: target, transform: transform, confidence: 1, reasons: [], values: values,
            references: references)
    }

    static let companies = ObjectMap(
        source: "companies", file: "companies.csv", key: "Company ID", target: "company", confidence: 1, reasons: [],
        fields: [
            field("Name", "name", .text), field("Website", "domainName.primaryLinkUrl", .url),
            field("Revenue", "annualRecurringRevenue.amountMicros", .currencyAmount),
            field("Currency", "annualRecurringRevenue.currencyCode", .currencyCode),
            field("Employees", "employees", .number), field("ICP", "idealCustomerProfile", .boolean),
            field("Owner", "accountOwnerId", .owner),
            field("Parent", "parentCompanyId", .reference, references: "companies"),
        ])
    static let contacts = ObjectMap(
        source: "contacts", file: "contacts.csv", key: "Contact ID", target: "person", confidence: 1, reasons: [],
        fields: [
            field("Name", "name", .fullName), field("Email", "emails.primaryEmail", .email),
            field("Phone", "phones", .phone),
            field("Company", "companyId", .reference, references: "companies"), field("Born", "birthday", .date),
            field("Seen", "lastSeenAt", .dateTime),
            field("Tier", "tier", .select, values: [.init(source: "Gold", target: "GOLD")]),
            field("Extra", "extra", .json), field("Badge", "badge", .text),
            FieldMapping(
                column: "Employer", target: "employerId", transform: .reference, confidence: 1, reasons: [],
                references: "companies",
                matchBy: "name"),
        ])
    static let badges = ObjectMap(
        source: "badges", file: "custom_objects/badges.csv", key: "Badge ID", target: "badge",
        disposition: .newObject(
            NewObject(nameSingular: "badge", namePlural: "badges", labelSingular: "Badge", labelPlural: "Badges")),
        confidence: 1, reasons: [],
        fields: [
            FieldMapping(
                column: "Code", target: "code", transform: .text, confidence: 1, reasons: [],
                newField: NewField(name: "code", label: "Code", type: .text))
        ])

    /// One scenario per code: the object map and records to run (companies first), and the record expected rejected.
    static func scenario(_ code: RejectionCode) -> (
        companies: [RecordPipeline.Input], contacts: [RecordPipeline.Input], rejected: String, column: String
    ) {
        let good = RecordPipeline.Input(sourceId: "CO1", line: 2, values: ["Name": "Acme", "Website": "acme.com"])
        func company(_ values: [String: String]) -> ([RecordPipeline.Input], [RecordPipeline.Input], String) {
            ([good, .init(sourceId: "CO9", line: 7, values: ["Name": "Bad"].merging(values) { $1 })], [], "CO9")
        }
        func contact(_ values: [String: String]) -> ([RecordPipeline.Input], [RecordPipeline.Input], String) {
            ([good], [.init(sourceId: "C9", line: 5, values: ["Name": "Ada Lovelace"].merging(values) { $1 })], "C9")
        }
        let made: ([RecordPipeline.Input], [RecordPipeline.Input], String)
        let column: String
        switch code {
        case .invalidEmail: (made, column) = (contact(["Email": "ada@"]), "Email")
        case .invalidPhone: (made, column) = (contact(["Phone": "12"]), "Phone")
        case .invalidURL: (made, column) = (company(["Website": "n/a"]), "Website")
        case .invalidAmount: (made, column) = (company(["Revenue": "12,34"]), "Revenue")
        case .amountOutOfRange: (made, column) = (company(["Revenue": "9007199254.740993"]), "Revenue")
        case .unknownCurrency: (made, column) = (company(["Revenue": "5", "Currency": "ABC"]), "Currency")
        case .invalidDate: (made, column) = (contact(["Born": "2024-02-30"]), "Born")
        case .ambiguousDate: (made, column) = (contact(["Seen": "03/04/2024"]), "Seen")
        case .invalidBoolean: (made, column) = (company(["ICP": "maybe"]), "ICP")
        case .invalidNumber: (made, column) = (company(["Employees": "lots"]), "Employees")
        case .unknownOption: (made, column) = (contact(["Tier": "Platinum"]), "Tier")
        case .invalidJSON: (made, column) = (contact(["Extra": "{oops"]), "Extra")
        case .unknownMember: (made, column) = (company(["Owner": "eve@old.io"]), "Owner")
        case .missingRequired: (made, column) = (company(["Name": ""]), "Name")
        case .duplicateId:
            (made, column) = (
                ([good, .init(sourceId: "CO1#2", line: 7, values: ["Name": "Again"])], [], "CO1#2"), "Company ID"
            )
        case .duplicateEmail:
            (made, column) = (
                (
                    [good],
                    [
                        .init(sourceId: "C1", line: 2, values: ["Name": "A B", "Email": "x@y.com"]),
                        .init(sourceId: "C9", line: 5, values: ["Name": "C D", "Email": "X@y.com"]),
                    ], "C9"
                ), "Email"
            )
        case .duplicateDomain: (made, column) = (company(["Website": "https://www.acme.com/"]), "Website")
        case .missingParent: (made, column) = (contact(["Company": "CO404"]), "Company")
        case .rejectedParent:
            (made, column) = (
                (
                    [good, .init(sourceId: "CO2", line: 3, values: ["Name": ""])],
                    [.init(sourceId: "C9", line: 5, values: ["Name": "Ada", "Company": "CO2"])], "C9"
                ), "Company"
            )
        case .ambiguousReference:
            (made, column) = (
                (
                    [good, .init(sourceId: "CO2", line: 3, values: ["Name": "ACME ", "Website": "acme.org"])],
                    [.init(sourceId: "C9", line: 5, values: ["Name": "Ada", "Employer": "acme"])], "C9"
                ), "Employer"
            )
        case .parentCycle:
            (made, column) = (
                (
                    [
                        .init(sourceId: "CO7", line: 6, values: ["Name": "A", "Parent": "CO9"]),
                        .init(sourceId: "CO9", line: 7, values: ["Name": "B", "Parent": "CO7"]),
                    ], [], "CO9"
                ), "Parent"
            )
        }
        return (made.0, made.1, made.2, column)
    }

    @Test(
        "every rejection code is produced with the record's file, line, id and field", arguments: RejectionCode.allCases
    )
    func producesCode(code: RejectionCode) throws {
        let map = FieldMap(
            twenty: TwentyTarget(), policies: MapPolicies(invalidPhone: .reject, missingParent: .reject),
            owners: OwnerMap(members: [.init(source: "eve@old.io", target: "eve@ours.io")]),
            objects: [Self.companies, Self.contacts])
        var pipeline = RecordPipeline(
            context: try TransformContext(projectId: "p", map: map, members: ["ada@ours.io": "m-ada"]), map: map)
        let scenario = Self.scenario(code)
        let outcomes = pipeline.run(Self.companies, scenario.companies) + pipeline.run(Self.contacts, scenario.contacts)
        let rejection = try #require(outcomes.compactMap(\.rejection).first { $0.sourceId == scenario.rejected })
        let reason = try #require(rejection.reasons.first { $0.code == code }, "reasons: \(rejection.reasons)")
        #expect(reason.field == scenario.column)
        let expectedFile = scenario.rejected.hasPrefix("CO") ? "companies.csv" : "contacts.csv"
        let expectedLine = (scenario.companies + scenario.contacts).first { $0.sourceId == scenario.rejected }!.line
        let event = rejection.event
        #expect(event.file == expectedFile && event.line == expectedLine && event.sourceId == scenario.rejected)
        #expect(
            event.reasons.contains {
                $0.code == code.rawValue
                    && $0.message.hasPrefix("\(expectedFile):\(expectedLine) \(scenario.rejected): ")
            })
    }

    @Test("duplicates in the export: keepFirst rejects the later records, rejectAll all of them, each naming every id")
    func duplicatePolicies() throws {
        let records: [RecordPipeline.Input] = [
            .init(sourceId: "CO1", line: 2, values: ["Name": "A", "Website": "acme.com"]),
            .init(sourceId: "CO2", line: 3, values: ["Name": "B", "Website": "http://www.ACME.com/"]),
            .init(sourceId: "CO3", line: 4, values: ["Name": "C", "Website": "https://acme.com/about"]),
        ]
        for (policy, expected) in [
            (MapPolicies.DuplicateInExport.keepFirst, [[], [RejectionCode.duplicateDomain], [.duplicateDomain]]),
            (.rejectAll, [[.duplicateDomain], [.duplicateDomain], [.duplicateDomain]]),
        ] {
            let map = FieldMap(
                twenty: TwentyTarget(), policies: MapPolicies(duplicateInExport: policy), objects: [Self.companies])
            var pipeline = RecordPipeline(context: try TransformContext(projectId: "p", map: map))
            let outcomes = pipeline.run(Self.companies, records)
            #expect(outcomes.map(\.codes) == expected)
            #expect(outcomes.compactMap(\.rejection).allSatisfy { $0.reasons[0].message.contains("CO1, CO2, CO3") })
        }
    }

    @Test("a reference by name resolves to the one record of that name, without case or repeated spaces")
    func referenceByName() throws {
        let map = FieldMap(twenty: TwentyTarget(), objects: [Self.companies, Self.contacts])
        let context = try TransformContext(projectId: "p", map: map)
        var pipeline = RecordPipeline(context: context, map: map)
        _ = pipeline.run(Self.companies, [.init(sourceId: "CO1", line: 2, values: ["Name": "Acme  Corp"])])
        let outcomes = pipeline.run(
            Self.contacts,
            [
                .init(sourceId: "C1", line: 2, values: ["Name": "Ada", "Employer": "acme corp"]),
                .init(sourceId: "C2", line: 3, values: ["Name": "Bob", "Employer": "Initech"]),
            ])
        #expect(
            outcomes[0].payload?["employerId"] == .string(context.identity.id(object: "companies", sourceId: "CO1")))
        // Under the default dropLink, a name matching nothing leaves the link out and the record is written.
        #expect(outcomes[1].payload?["employerId"] == nil && outcomes[1].payload?["name"] != nil)
        #expect(pipeline.unresolved.map(\.code) == [.missingParent])
        #expect(pipeline.unresolved.first?.reference.value == "Initech")
    }

    @Test("under missingParent dropLink, a link to a missing parent is left out and the child is written")
    func dropLink() throws {
        let map = FieldMap(
            twenty: TwentyTarget(), policies: MapPolicies(missingParent: .dropLink),
            objects: [Self.companies, Self.contacts])
        var pipeline = RecordPipeline(context: try TransformContext(projectId: "p", map: map))
        _ = pipeline.run(Self.companies, [.init(sourceId: "CO1", line: 2, values: ["Name": "A"])])
        let outcome = pipeline.run(
            Self.contacts, [.init(sourceId: "C1", line: 2, values: ["Name": "Ada", "Company": "CO404"])])[0]
        let payload = try #require(outcome.payload)
        #expect(payload["companyId"] == nil && payload["name"] != nil)
    }
}
