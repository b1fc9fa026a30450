import CanonicalJSON
import Testing

@Suite struct UpsertMatchingTests {
    let ada = "33333333-3333-4333-8333-333333333333"
    let grace = "44444444-4444-4444-8444-444444444444"

    func seedPeople(_ sandbox: Sandbox) async throws {
        let (status, _) = try await sandbox.send(
            "POST", "/rest/batch/people",
            json:
                #"[{"id":"\#(ada)","emails":{"primaryEmail":"ada@example.com"}},{"id":"\#(grace)","emails":{"primaryEmail":"grace@example.com"}}]"#
        )
        #expect(status == 201)
    }

    @Test func anUpsertMatchesACompanyOnItsDomainsPrimaryLinkUrlAsNormalised() async throws {
        let sandbox = try Sandbox()
        let created = try await sandbox.send(
            "POST", "/rest/companies", json: #"{"name":"Acme","domainName":{"primaryLinkUrl":"https://acme.com"}}"#)
        let id = try #require(created.body["data", "createCompany", "id"]?.stringValue)
        let (status, body) = try await sandbox.send(
            "POST", "/rest/companies?upsert=true",
            json: #"{"name":"Acme Inc","domainName":{"primaryLinkUrl":"HTTPS://ACME.com/"}}"#)
        #expect(status == 201)
        #expect(body["data", "createCompany", "id"] == .string(id))
        #expect(body["data", "createCompany", "name"] == "Acme Inc")
        #expect(try await sandbox.send("GET", "/rest/companies").body["totalCount"] == 1)
    }

    @Test func anUpsertWhoseIdAndEmailPointAtTwoPeopleIsAMultipleMatchConflict() async throws {
        let sandbox = try Sandbox()
        try await seedPeople(sandbox)
        let (status, body) = try await sandbox.send(
            "POST", "/rest/people?upsert=true",
            json: #"{"id":"\#(ada)","emails":{"primaryEmail":"grace@example.com"},"jobTitle":"Both"}"#)
        #expect(status == 400)
        #expect(body.firstMessage.contains("UPSERT_MULTIPLE_MATCHING_RECORDS_CONFLICT"))
        let people = try await sandbox.send("GET", "/rest/people").body["data", "people"]?.array ?? []
        #expect(people.allSatisfy { $0["jobTitle"] != "Both" })
    }

    @Test func anUpsertMatchingOneRecordByIdAndEmailUpdatesIt() async throws {
        let sandbox = try Sandbox()
        try await seedPeople(sandbox)
        let (status, body) = try await sandbox.send(
            "POST", "/rest/people?upsert=true",
            json: #"{"id":"\#(ada)","emails":{"primaryEmail":"ADA@example.com"},"jobTitle":"Countess"}"#)
        #expect(status == 201)
        #expect(body["data", "createPerson", "jobTitle"] == "Countess")
    }

    @Test func aBatchUpsertWithOneConflictingRowWritesNothing() async throws {
        let sandbox = try Sandbox()
        try await seedPeople(sandbox)
        let (status, _) = try await sandbox.send(
            "POST", "/rest/batch/people?upsert=true",
            json:
                #"[{"emails":{"primaryEmail":"new@example.com"}},{"id":"\#(grace)","emails":{"primaryEmail":"ada@example.com"}}]"#
        )
        #expect(status == 400)
        #expect(try await sandbox.send("GET", "/rest/people").body["totalCount"] == 2)
    }

    @Test func aCustomUniqueFieldAndTheDomainMatchingDifferentCompaniesConflict() async throws {
        let sandbox = try Sandbox()
        let objects = try await sandbox.send("GET", "/rest/metadata/objects").body["data", "objects"]?.array ?? []
        let company = try #require(objects.first { $0["nameSingular"] == "company" }?["id"]?.stringValue)
        #expect(
            try await sandbox.send(
                "POST", "/rest/metadata/fields",
                json:
                    #"{"objectMetadataId":"\#(company)","type":"TEXT","name":"sourceId","label":"Source id","isUnique":true}"#
            ).status == 201)
        #expect(
            try await sandbox.send(
                "POST", "/rest/batch/companies",
                json: #"[{"sourceId":"S-1"},{"domainName":{"primaryLinkUrl":"https://globex.example"}}]"#
            ).status == 201)
        let (status, body) = try await sandbox.send(
            "POST", "/rest/companies?upsert=true",
            json: #"{"sourceId":"S-1","domainName":{"primaryLinkUrl":"https://globex.example"}}"#)
        #expect(status == 400)
        #expect(body.firstMessage.contains("UPSERT_MULTIPLE_MATCHING_RECORDS_CONFLICT"))
        let matched = try await sandbox.send(
            "POST", "/rest/companies?upsert=true", json: #"{"sourceId":"S-1","name":"One"}"#)
        #expect(matched.body["data", "createCompany", "name"] == "One")
    }
}
