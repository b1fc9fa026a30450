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

    @Test(
        "a destroy filtered by ids and an updatedAt bound per group takes only the records not written since, and answers their ids"
    )
    func destroyByIdsAndUpdatedAt() async throws {
        let sandbox = try Sandbox()
        let ids = (1...4).map { "00000000-0000-4000-8000-00000000000\($0)" }
        // Two write batches, dated as a migration dates them: the source's updatedAt, kept on create.
        _ = try await sandbox.send(
            "POST", "/rest/batch/companies",
            json: #"[{"id":"\#(ids[0])","name":"a","updatedAt":"2019-05-01T10:00:00Z"},"#
                + #"{"id":"\#(ids[1])","name":"b","updatedAt":"2019-05-02T10:00:00.250Z"}]"#)
        _ = try await sandbox.send(
            "POST", "/rest/batch/companies",
            json: #"[{"id":"\#(ids[2])","name":"c","updatedAt":"2020-01-01T00:00:00Z"},{"id":"\#(ids[3])","name":"d"}]"#
        )
        // Someone edits b: Twenty dates the edit now, after both bounds.
        _ = try await sandbox.send("PATCH", "/rest/companies/\(ids[1])", json: #"{"name":"b2"}"#)
        let now = ISO8601DateFormatter().string(from: Date().addingTimeInterval(60))
        let filter =
            #"or(and(id[in]:["\#(ids[0])","\#(ids[1])"],updatedAt[lt]:"2019-05-02T10:00:00.251Z"),"#
            + #"and(id[in]:["\#(ids[2])","\#(ids[3])"],updatedAt[lt]:"2020-01-01T00:00:00.001Z"))"#
        let (status, body) = try await sandbox.send("DELETE", "/rest/companies?filter=" + q(filter))
        #expect(status == 200, "\(body)")
        let destroyed = (body["data", "deleteCompanies"]?.array ?? []).compactMap { $0["id"]?.stringValue }
        // d was dated by the server at its write, after c's bound: spared, as a record read back would be.
        #expect(Set(destroyed) == [ids[0], ids[2]])
        let left = try await sandbox.send("GET", "/rest/companies?order_by=name").body["data", "companies"]?.array
        #expect(left?.compactMap { $0["name"]?.stringValue } == ["b2", "d"])
        let later = try await sandbox.send(
            "DELETE", "/rest/companies?filter=" + q(#"id[in]:["\#(ids[3])"],updatedAt[lt]:"\#(now)""#))
        #expect(later.body["data", "deleteCompanies"]?.array.count == 1)
    }
}

/// The cursor the sandbox gives a record, to start a backwards walk from the last one seen.
func pageCursor(_ id: String) -> String {
    Data(#"{"id":"\#(id)"}"#.utf8).base64EncodedString()
}
