import CanonicalJSON
import Foundation
import Testing

@Suite struct RecordQueryTests {
    /// Five companies with varied values to filter and sort.
    func seeded() async throws -> Sandbox {
        let sandbox = try Sandbox()
        let (status, _) = try await sandbox.send(
            "POST", "/rest/batch/companies",
            json: """
                [{"name":"Acme","employees":10,"domainName":{"primaryLinkUrl":"https://acme.com"}},
                 {"name":"Beta","employees":50,"idealCustomerProfile":true},
                 {"name":"acme labs","employees":null},
                 {"name":"Gamma","employees":200,"address":{"addressCity":"Paris"}},
                 {"name":"Delta","employees":50}]
                """)
        #expect(status == 201)
        return sandbox
    }

    func names(_ sandbox: Sandbox, _ query: String) async throws -> [String] {
        let (status, body) = try await sandbox.send("GET", "/rest/companies?" + query)
        #expect(status == 200, "\(query): \(body)")
        return (body["data", "companies"]?.array ?? []).compactMap { $0["name"]?.stringValue }
    }

    @Test func eachComparatorSelectsTheRecordsItShould() async throws {
        let s = try await seeded()
        let ordered = "&order_by=name"
        #expect(try await names(s, "filter=" + q("name[eq]:Acme") + ordered) == ["Acme"])
        #expect(try await names(s, "filter=" + q("employees[neq]:50") + ordered) == ["Acme", "Gamma"])
        #expect(try await names(s, "filter=" + q("name[in]:[Beta,\"Delta\"]") + ordered) == ["Beta", "Delta"])
        #expect(try await names(s, "filter=" + q("employees[is]:NULL") + ordered) == ["acme labs"])
        #expect(try await names(s, "filter=" + q("employees[is]:NOT_NULL") + ordered).count == 4)
        #expect(try await names(s, "filter=" + q("employees[gt]:50") + ordered) == ["Gamma"])
        #expect(try await names(s, "filter=" + q("employees[gte]:50") + ordered) == ["Beta", "Delta", "Gamma"])
        #expect(try await names(s, "filter=" + q("employees[lt]:50") + ordered) == ["Acme"])
        #expect(try await names(s, "filter=" + q("employees[lte]:10") + ordered) == ["Acme"])
        #expect(try await names(s, "filter=" + q("name[like]:%cme%") + ordered) == ["Acme", "acme labs"])
        #expect(try await names(s, "filter=" + q("name[like]:Acme%") + ordered) == ["Acme"])
        #expect(try await names(s, "filter=" + q("name[ilike]:acme%") + ordered) == ["Acme", "acme labs"])
        #expect(try await names(s, "filter=" + q("name[startsWith]:acme") + ordered) == ["acme labs"])
        #expect(try await names(s, "filter=" + q("name[endsWith]:ta") + ordered) == ["Beta", "Delta"])
        #expect(try await names(s, "filter=" + q("idealCustomerProfile[eq]:true") + ordered) == ["Beta"])
    }

    @Test func andOrNotGroupsCombine() async throws {
        let s = try await seeded()
        let ordered = "&order_by=name"
        #expect(
            try await names(s, "filter=" + q("or(name[eq]:Acme,employees[gt]:100)") + ordered) == ["Acme", "Gamma"])
        #expect(try await names(s, "filter=" + q("and(employees[eq]:50,not(name[eq]:Beta))") + ordered) == ["Delta"])
        #expect(try await names(s, "filter=" + q("employees[eq]:50,name[eq]:Beta") + ordered) == ["Beta"])
    }

    @Test func compositeSubfieldsCanBeFiltered() async throws {
        let s = try await seeded()
        #expect(try await names(s, "filter=" + q("domainName.primaryLinkUrl[eq]:https://acme.com")) == ["Acme"])
        #expect(try await names(s, "filter=" + q("address.addressCity[eq]:\"Paris\"")) == ["Gamma"])
    }

    @Test func anUnknownFilterFieldIsRefused() async throws {
        let (status, _) = try await seeded().send("GET", "/rest/companies?filter=" + q("foo[eq]:1"))
        #expect(status == 400)
    }

    @Test func orderByHonoursDirectionAndNullPlacement() async throws {
        let s = try await seeded()
        #expect(
            try await names(s, "order_by=employees[DescNullsLast],name") == [
                "Gamma", "Beta", "Delta", "Acme", "acme labs",
            ])
        #expect(
            try await names(s, "order_by=employees[AscNullsFirst],name[DescNullsLast]") == [
                "acme labs", "Acme", "Delta", "Beta", "Gamma",
            ])
        #expect(try await names(s, "order_by=address.addressCity[DescNullsLast],name").first == "Gamma")
    }

    @Test func cursorsVisitEveryOneOfAThousandRecordsOnceInBothDirections() async throws {
        let sandbox = try Sandbox()
        for batch in 0..<17 {
            let items = (0..<60).map { batch * 60 + $0 }.filter { $0 < 1000 }.map {
                #"{"name":"c\#($0)","employees":\#($0 % 7)}"#
            }
            guard !items.isEmpty else { continue }
            #expect(
                try await sandbox.send("POST", "/rest/batch/companies", json: "[" + items.joined(separator: ",") + "]")
                    .status == 201)
        }
        var seen: [String] = []
        var cursor: String?
        repeat {
            let after = cursor.map { "&starting_after=" + q($0) } ?? ""
            let (_, body) = try await sandbox.send("GET", "/rest/companies?limit=60&order_by=employees" + after)
            #expect(body["totalCount"] == 1000)
            seen += body["data", "companies"]!.array.compactMap { $0["id"]?.stringValue }
            cursor = body["pageInfo", "hasNextPage"] == true ? body["pageInfo", "endCursor"]?.stringValue : nil
        } while cursor != nil
        #expect(seen.count == 1000 && Set(seen).count == 1000)

        var backwards: [String] = []
        var before = try #require(seen.last)
        backwards.append(before)
        while true {
            let (_, body) = try await sandbox.send(
                "GET", "/rest/companies?limit=60&order_by=employees&ending_before=" + q(pageCursor(before)))
            let ids = body["data", "companies"]!.array.compactMap { $0["id"]?.stringValue }
            backwards = ids + backwards
            guard body["pageInfo", "hasPreviousPage"] == true, let first = ids.first else { break }
            before = first
        }
        #expect(backwards == seen)
    }

    @Test func aLimitAboveTheMaximumIsCutDownSilently() async throws {
        let sandbox = try Sandbox(batchMax: 2)
        try await sandbox.send("POST", "/rest/batch/companies", json: #"[{"name":"a"},{"name":"b"}]"#)
        try await sandbox.send("POST", "/rest/batch/companies", json: #"[{"name":"c"}]"#)
        let (status, body) = try await sandbox.send("GET", "/rest/companies?limit=500")
        #expect(status == 200)
        #expect(body["data", "companies"]?.array.count == 2)
        #expect(body["totalCount"] == 3)
    }

    @Test func updateAndDeleteManyWorkByFilter() async throws {
        let s = try await seeded()
        let updated = try await s.send(
            "PATCH", "/rest/companies?filter=" + q("employees[eq]:50"), json: #"{"employees":51}"#)
        #expect(updated.body["data", "updateCompanies"]?.array.count == 2)
        let deleted = try await s.send("DELETE", "/rest/companies?filter=" + q("employees[eq]:51"))
        #expect(deleted.body["data", "deleteCompanies"]?.array.count == 2)
        #expect(try await s.send("GET", "/rest/companies").body["totalCount"] == 3)
        #expect(try await s.send("DELETE", "/rest/companies").status == 400)
    }
}

/// The cursor the sandbox gives a record, to start a backwards walk from the last one seen.
func pageCursor(_ id: String) -> String {
    Data(#"{"id":"\#(id)"}"#.utf8).base64EncodedString()
}
