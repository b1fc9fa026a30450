import CanonicalJSON
import FieldMap
import Foundation
import Ledger
import SchemaPreparation
import Testing
import TwentyClient
import TwentyClientSandbox
import TwentyModel
import TwentySandbox

/// A sandbox engine in a temporary directory reached in-process, and a fresh ledger beside it.
private struct Rig {
    let engine: SandboxEngine
    let client: TwentyClient
    let directory: String

    init() throws {
        directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("prepare-\(UUID().uuidString)")
        engine = try SandboxEngine(
            dataDirectory: directory, options: SandboxOptions(batchMax: 200, twentyVersion: .v2))
        client = TwentyClient(
            connection: try TwentyConnection(url: "http://127.0.0.1:3000", apiKey: TwentyAPIKey("k")),
            transport: SandboxTransport(engine), limits: RateLimits(shortLimit: 1_000_000, longLimit: 1_000_000))
    }

    func schema() async throws -> WorkspaceSchema {
        WorkspaceSchema(metadata: try await client.get("rest/metadata/objects"))
    }
}

private func newLedger() throws -> Ledger {
    let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("ledger-\(UUID().uuidString).sqlite")
    return try Ledger.create(at: path)
}

/// Deals to opportunities, their stage through a value map that adds one stage the workspace lacks.
private let dealsMap = FieldMap(
    twenty: TwentyTarget(version: .v2),
    objects: [
        ObjectMap(
            source: "deals", file: "deals.csv", key: "Deal ID", target: "opportunity", confidence: 1, reasons: [],
            fields: [
                FieldMapping(column: "Deal ID", target: "allegoryId", transform: .text, confidence: 1, reasons: []),
                FieldMapping(
                    column: "Stage", target: "stage", transform: .select, confidence: 1, reasons: [],
                    values: [
                        ValueMapping(source: "Won", target: "CUSTOMER"),
                        ValueMapping(source: "Renewal Due", target: "RENEWAL_DUE", isNew: true),
                    ]),
            ])
    ])

@Suite("Schema preparation")
struct SchemaPreparationTests {
    @Test("a stage the map adds is appended, and every option the workspace had is kept exactly, ids included")
    func optionsKeptExactly() async throws {
        let rig = try Rig()
        let before = try #require(try await rig.schema().field("opportunity", "stage"))
        let report = try await SchemaPreparer(client: rig.client, ledger: try newLedger())
            .prepare(map: dealsMap, mapSha256: "m")
        #expect(report.problems.isEmpty && report.refused.isEmpty)
        let after = try #require(try await rig.schema().field("opportunity", "stage"))
        #expect(Array(after.options.prefix(before.options.count)) == before.options)
        #expect(after.optionValues == before.optionValues + ["RENEWAL_DUE"])
        #expect(try await rig.schema().field("opportunity", "allegoryId")?.isUnique == true)
    }

    @Test("the undo of an option change is the exact earlier list, recorded in the intent before the call")
    func optionUndoIsEarlierList() async throws {
        let rig = try Rig()
        let before = try #require(try await rig.schema().field("opportunity", "stage"))
        let ledger = try newLedger()
        _ = try await SchemaPreparer(client: rig.client, ledger: ledger).prepare(map: dealsMap, mapSha256: "m")
        var inverses: [SchemaChange] = []
        try ledger.events(matching: EventFilter(type: EventType.schemaChangeRequested.rawValue)) { stored in
            if case .schemaChangeRequested(let intent) = try stored.decoded(), intent.change.op == .updateField {
                inverses.append(try #require(intent.inverse))
            }
        }
        #expect(inverses.count == 1)
        #expect(inverses.first?.definition?["options"]?.arrayValue == before.options)
    }

    @Test("a run stopped after a call and before its outcome is settled by reading the workspace on the next run")
    func interruptedRunIsSettled() async throws {
        let rig = try Rig()
        let ledger = try newLedger()
        struct Stop: Error {}
        let first = SchemaPreparer(client: rig.client, ledger: ledger)
        first.afterCall = { calls in if calls == 1 { throw Stop() } }
        await #expect(throws: Stop.self) { _ = try await first.prepare(map: dealsMap, mapSha256: "m") }
        #expect(try ledger.intentsInDoubt().count == 1)

        let second = try await SchemaPreparer(client: rig.client, ledger: ledger).prepare(map: dealsMap, mapSha256: "m")
        #expect(second.resolved == 1)
        #expect(try ledger.intentsInDoubt().isEmpty)
        // The change the first run made is not made twice: only what it did not reach is left.
        #expect(second.applied.count == 1)
        let third = try await SchemaPreparer(client: rig.client, ledger: ledger).prepare(map: dealsMap, mapSha256: "m")
        #expect(third.applied.isEmpty && third.resolved == 0)
    }

    @Test("a project bound to one workspace refuses to prepare another, before changing anything")
    func otherWorkspaceRefused() async throws {
        let ledger = try newLedger()
        _ = try await SchemaPreparer(client: try Rig().client, ledger: ledger).prepare(map: dealsMap, mapSha256: "m")
        let other = try Rig()
        let untouched = try await other.schema().field("opportunity", "stage")?.optionValues
        await #expect(throws: WorkspaceMismatch.self) {
            _ = try await SchemaPreparer(client: other.client, ledger: ledger).prepare(map: dealsMap, mapSha256: "m")
        }
        #expect(try await other.schema().field("opportunity", "stage")?.optionValues == untouched)
        #expect(try await other.schema().field("opportunity", "allegoryId") == nil)
    }
}

@Suite("Schema plan")
struct SchemaPlanTests {
    /// A workspace with an opportunity object whose fields are `fields` (name, type).
    private func workspace(_ fields: [(String, String)]) -> WorkspaceSchema {
        let items: [JSONValue] = fields.enumerated().map { index, field in
            ["id": .string("f\(index)"), "name": .string(field.0), "type": .string(field.1)]
        }
        return WorkspaceSchema(metadata: [
            "data": [
                "objects": [
                    [
                        "id": "o1", "nameSingular": "opportunity", "namePlural": "opportunities",
                        "fields": .array(items),
                    ],
                    ["id": "o2", "nameSingular": "person", "namePlural": "people", "fields": []],
                ]
            ]
        ])
    }

    @Test("a standard field the map uses and this workspace lacks is a problem naming the fix in map.yaml")
    func missingStandardFieldNamesFix() {
        var map = dealsMap
        map.objects[0].fields.append(
            FieldMapping(
                column: "ARR", target: "amount.amountMicros", transform: .currencyAmount, confidence: 1, reasons: []))
        let plan = SchemaPlanner(map: map, schema: workspace([("stage", "SELECT")])).plan()
        let problem = try? #require(plan.problems.first { $0.column == "ARR" })
        #expect(problem?.message.contains("opportunity.amount") == true)
        #expect(problem?.fix?.contains("newField: {name: amount") == true)
        #expect(problem?.fix?.contains("type: CURRENCY") == true)
    }

    @Test("a field the map creates that exists with another type is a problem, not a change")
    func typeClashIsProblem() {
        var map = dealsMap
        map.objects[0].fields.append(
            FieldMapping(
                column: "Region", target: "region", transform: .text, confidence: 1, reasons: [],
                newField: NewField(name: "region", label: "Region", type: .text)))
        let plan = SchemaPlanner(map: map, schema: workspace([("stage", "SELECT"), ("region", "NUMBER")])).plan()
        #expect(plan.problems.map(\.column) == ["Region"])
        #expect(!plan.changes.contains { $0.change.field == "region" })
    }

    @Test("two source objects feeding one Twenty object share a source-id field that is not unique")
    func sharedSourceIdNotUnique() {
        var map = dealsMap
        var renewals = map.objects[0]
        renewals.source = "renewals"
        renewals.file = "renewals.csv"
        map.objects.append(renewals)
        let plan = SchemaPlanner(map: map, schema: workspace([("stage", "SELECT")])).plan()
        let sourceId = plan.changes.filter { $0.change.field == "allegoryId" }
        #expect(sourceId.count == 1)
        #expect(sourceId.first?.change.definition?["isUnique"] == nil)
    }
}
