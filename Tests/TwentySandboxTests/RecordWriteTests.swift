import CanonicalJSON
import Testing

@Suite struct RecordWriteTests {
    @Test func creatingACompanyReturnsItWithEveryFieldAndNormalisedValues() async throws {
        let sandbox = try Sandbox()
        let (status, body) = try await sandbox.send(
            "POST", "/rest/companies",
            json:
                #"{"name":"Acme","domainName":{"primaryLinkUrl":"HTTPS://Acme.COM/"},"createdAt":"2020-05-01T10:00:00+02:00"}"#
        )
        #expect(status == 201)
        let company = try #require(body["data", "createCompany"])
        #expect(company["domainName", "primaryLinkUrl"] == "https://acme.com")
        #expect(company["domainName", "primaryLinkLabel"] == "")
        #expect(company["domainName", "secondaryLinks"] == .null)
        #expect(company["createdAt"] == "2020-05-01T08:00:00.000Z")
        #expect(company["createdBy", "source"] == "API")
        #expect(company["idealCustomerProfile"] == false)
        #expect(company["annualRecurringRevenue", "amountMicros"] == .null)
    }

    @Test func aSingularNameInThePathIsRefusedWithAHint() async throws {
        let (status, body) = try await Sandbox().send("GET", "/rest/company")
        #expect(status == 400)
        #expect(body.firstMessage == "object 'company' not found. Did you mean 'companies'?")
    }

    @Test func anUnknownFieldIsRefusedWithTwentysMessage() async throws {
        let (status, body) = try await Sandbox().send("POST", "/rest/companies", json: #"{"name":"A","foo":1}"#)
        #expect(status == 400)
        #expect(
            body == [
                "statusCode": 400, "error": "BadRequestException",
                "messages": [#"Object company doesn't have any "foo" field."#],
            ])
    }

    @Test func aBatchOverTheLimitIsRefused() async throws {
        let sandbox = try Sandbox(batchMax: 3)
        let (status, body) = try await sandbox.send(
            "POST", "/rest/batch/companies", json: #"[{"name":"a"},{"name":"b"},{"name":"c"},{"name":"d"}]"#)
        #expect(status == 400)
        #expect(body.firstMessage == "Maximum number of records to upsert is 3.")
    }

    @Test func anInvalidPhoneFailsTheWholeBatch() async throws {
        let sandbox = try Sandbox()
        let (status, body) = try await sandbox.send(
            "POST", "/rest/batch/people",
            json: #"[{"phones":{"primaryPhoneNumber":"+33 6 12 34 56 78"}},{"phones":{"primaryPhoneNumber":"12ab"}}]"#)
        #expect(status == 400)
        #expect(body.firstMessage.hasPrefix("Invalid phone number"))
        #expect(try await sandbox.send("GET", "/rest/people").body["totalCount"] == 0)
    }

    @Test func aPhoneWithAConflictingCountryIsRefused() async throws {
        let (status, _) = try await Sandbox().send(
            "POST", "/rest/people",
            json:
                #"{"phones":{"primaryPhoneNumber":"612345678","primaryPhoneCountryCode":"FR","primaryPhoneCallingCode":"+44"}}"#
        )
        #expect(status == 400)
    }

    @Test func anUnknownSubfieldIsRefused() async throws {
        let (status, body) = try await Sandbox().send("POST", "/rest/people", json: #"{"emails":{"primary":"a@b.c"}}"#)
        #expect(status == 400)
        #expect(body.firstMessage.hasPrefix("Invalid subfield"))
    }

    @Test func creatingAnExistingIdWithoutUpsertIsADuplicateEntry() async throws {
        let sandbox = try Sandbox()
        let id = "11111111-1111-4111-8111-111111111111"
        try await sandbox.send("POST", "/rest/companies", json: #"{"id":"\#(id)","name":"A"}"#)
        let (status, body) = try await sandbox.send("POST", "/rest/companies", json: #"{"id":"\#(id)","name":"B"}"#)
        #expect(status == 400)
        #expect(body.firstMessage.hasPrefix("A duplicate entry was detected"))
    }

    @Test func aBatchRepeatingAnIdIsRefusedWholeWithTheIdsDuplicateMessage() async throws {
        let sandbox = try Sandbox()
        let id = "22222222-2222-4222-8222-222222222222"
        let (status, body) = try await sandbox.send(
            "POST", "/rest/batch/companies", json: #"[{"id":"\#(id)","name":"A"},{"id":"\#(id)","name":"B"}]"#)
        #expect(status == 400)
        #expect(body.firstMessage.contains("a record with id \(id) already exists in company"))
        let (_, list) = try await sandbox.send("GET", "/rest/companies")
        #expect(list["totalCount"] == 0)
    }

    @Test func aSentDuplicateIdIsReportedBeforeAnInvalidValueOfTheSameRecord() async throws {
        let sandbox = try Sandbox()
        let id = "33333333-3333-4333-8333-333333333333"
        try await sandbox.send("POST", "/rest/companies", json: #"{"id":"\#(id)","name":"A"}"#)
        let (status, body) = try await sandbox.send(
            "POST", "/rest/companies", json: #"{"id":"\#(id)","employees":"many"}"#)
        #expect(status == 400)
        #expect(body.firstMessage.contains("already exists"))
    }

    @Test func linkURLsKeepTheirPathAndLoseSurroundingSpaceAndTrailingSlashes() async throws {
        let (_, body) = try await Sandbox().send(
            "POST", "/rest/companies",
            json:
                #"{"domainName":{"primaryLinkUrl":"  HTTPS://Acme.COM/Path/?Q=A/ ","secondaryLinks":[{"url":"HTTP://Exämple.COM/Ä/"}]}}"#
        )
        let company = try #require(body["data", "createCompany"])
        #expect(company["domainName", "primaryLinkUrl"] == "https://acme.com/Path/?Q=A")
        #expect(company["domainName", "secondaryLinks", "0", "url"] == "http://exämple.com/Ä")
    }

    @Test func aMalformedBodyIsRefusedAfterThePathIsChecked() async throws {
        let sandbox = try Sandbox()
        let (status, body) = try await sandbox.send("POST", "/rest/batch/companies", json: #"[{"name":"A"#)
        #expect(status == 400)
        #expect(body.firstMessage.hasPrefix("Invalid JSON body"))
        let (unknownStatus, unknown) = try await sandbox.send("POST", "/rest/batch/planets", json: #"[{"#)
        #expect(unknownStatus == 400)
        #expect(unknown.firstMessage.hasPrefix("object 'planets' not found"))
    }

    @Test func aUniqueValueHeldByASoftDeletedRowIsStillADuplicate() async throws {
        let sandbox = try Sandbox()
        try await sandbox.send(
            "POST", "/_sandbox/seed",
            json: #"{"people":[{"emails":{"primaryEmail":"ada@example.com"},"deletedAt":"2024-01-01T00:00:00Z"}]}"#)
        let (status, body) = try await sandbox.send(
            "POST", "/rest/people", json: #"{"emails":{"primaryEmail":"ADA@example.com"}}"#)
        #expect(status == 400)
        #expect(body.firstMessage.hasPrefix("A duplicate entry was detected"))
    }

    @Test func upsertRestoresASoftDeletedMatchAndKeepsItsCreator() async throws {
        let sandbox = try Sandbox()
        let seeded = try await sandbox.send(
            "POST", "/_sandbox/seed",
            json:
                #"{"people":[{"id":"22222222-2222-4222-8222-222222222222","emails":{"primaryEmail":"ada@example.com"},"createdBy":{"source":"IMPORT","name":"Old import"},"deletedAt":"2024-01-01T00:00:00Z"}]}"#
        )
        #expect(seeded.status == 201)
        let (status, body) = try await sandbox.send(
            "POST", "/rest/batch/people?upsert=true",
            json: #"[{"emails":{"primaryEmail":"ada@example.com"},"jobTitle":"Countess"}]"#)
        #expect(status == 201)
        let person = try #require(body["data", "createPeople", "0"])
        #expect(person["id"] == "22222222-2222-4222-8222-222222222222")
        #expect(person["deletedAt"] == .null)
        #expect(person["jobTitle"] == "Countess")
        #expect(person["createdBy", "name"] == "Old import")
        #expect(try await sandbox.send("GET", "/rest/people").body["totalCount"] == 1)
    }

    @Test func aSelectValueOutsideTheOptionsIsRefused() async throws {
        let (status, _) = try await Sandbox().send(
            "POST", "/rest/opportunities", json: #"{"name":"Deal","stage":"WON"}"#)
        #expect(status == 400)
    }

    @Test func aJoinColumnMustPointAtAnExistingRecord() async throws {
        let (status, body) = try await Sandbox().send(
            "POST", "/rest/people", json: #"{"companyId":"33333333-3333-4333-8333-333333333333"}"#)
        #expect(status == 400)
        #expect(body.firstMessage.contains("does not point at an existing company"))
    }

    @Test func workspaceMembersAreReadOnlyThroughTheAPI() async throws {
        let sandbox = try Sandbox()
        #expect(try await sandbox.send("POST", "/rest/workspaceMembers", json: #"{"userEmail":"x@y.z"}"#).status == 400)
        let added = try await sandbox.send(
            "POST", "/_sandbox/members", json: #"[{"name":"Ada Lovelace","userEmail":"Ada@Example.com"}]"#)
        #expect(added.status == 201)
        #expect(added.body["data", "workspaceMembers", "0", "name", "lastName"] == "Lovelace")
        #expect(try await sandbox.send("GET", "/rest/workspaceMembers").body["totalCount"] == 1)
    }

    @Test func softDeleteHidesAndRestoreBringsBack() async throws {
        let sandbox = try Sandbox()
        let created = try await sandbox.send("POST", "/rest/companies", json: #"{"name":"A"}"#)
        let id = try #require(created.body["data", "createCompany", "id"]?.stringValue)
        let deleted = try await sandbox.send("DELETE", "/rest/companies/\(id)?soft_delete=true")
        #expect(deleted.body == ["data": ["deleteCompany": ["id": .string(id)]]])
        #expect(try await sandbox.send("GET", "/rest/companies/\(id)").status == 404)
        let restored = try await sandbox.send("PATCH", "/rest/companies/\(id)/restore")
        #expect(restored.body["data", "restoreCompany", "deletedAt"] == .null)
        #expect(try await sandbox.send("DELETE", "/rest/companies/\(id)").status == 200)
        #expect(try await sandbox.send("GET", "/rest/companies/\(id)").status == 404)
    }

    @Test func updatingOneRecordKeepsSubfieldsNotSent() async throws {
        let sandbox = try Sandbox()
        let created = try await sandbox.send(
            "POST", "/rest/people", json: #"{"name":{"firstName":"Ada","lastName":"Byron"}}"#)
        let id = try #require(created.body["data", "createPerson", "id"]?.stringValue)
        let (status, body) = try await sandbox.send(
            "PATCH", "/rest/people/\(id)", json: #"{"name":{"lastName":"Lovelace"}}"#)
        #expect(status == 200)
        #expect(body["data", "updatePerson", "name"] == ["firstName": "Ada", "lastName": "Lovelace"])
    }
}
