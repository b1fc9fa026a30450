import CanonicalJSON
import FieldMap
import Foundation
import Ledger
import TwentyClient

/// Prepares a workspace for a confirmed map: binds the project to the workspace, settles what an earlier run left
/// in doubt, plans, and makes each change as an intent (with its undo) then an outcome (invariants 4, 5 and 8).
///
/// Refuses to change anything while the plan has problems, so a workspace is never left half-prepared for a map
/// that cannot be written.
public final class SchemaPreparer {
    let client: TwentyClient
    let ledger: Ledger
    /// Called after each metadata call has been answered and before its outcome is recorded; a test or the
    /// crash drill (`CRM_MIGRATE_KILL_AFTER_SCHEMA_CALLS`) stops the process here.
    public var afterCall: (Int) throws -> Void = { _ in }

    public init(client: TwentyClient, ledger: Ledger) {
        self.client = client
        self.ledger = ledger
    }

    public func prepare(map: FieldMap, mapSha256: String) async throws -> PreparationReport {
        let description = try await client.describeWorkspace()
        var schema = try await readSchema()
        guard let fingerprint = schema.fingerprint else {
            throw PreparationError(
                "the workspace at \(description.url) has no person object; is it a Twenty workspace?")
        }
        try ledger.bind(
            to: WorkspaceBound(
                url: description.url, workspaceId: client.connection.apiKey.workspaceIdClaim, fingerprint: fingerprint,
                version: description.version.rawValue, serverVersion: nil, batchMaximum: description.batchMaximum))
        var report = PreparationReport()
        report.resolved = try resolveInDoubt(schema)

        let plan = SchemaPlanner(map: map, schema: schema).plan()
        report.present = plan.present
        guard plan.problems.isEmpty else {
            report.problems = plan.problems
            return report
        }
        guard !plan.isEmpty else { return report }
        try ledger.append([.runStarted(RunStarted(command: "prepare", mode: "schema"))])
        var calls = 0
        for planned in plan.changes {
            // Objects created earlier in this run have ids only now: read them before the first change that needs one.
            if planned.change.op != .createObject, needsIds(planned, schema) { schema = try await readSchema() }
            let changeId = "schema-\(ledger.runId)-\(calls + 1)"
            let body = try resolvedBody(planned.change, schema)
            try ledger.append([
                .schemaChangeRequested(
                    SchemaChangeRequested(changeId: changeId, change: planned.change, inverse: planned.inverse))
            ])
            calls += 1
            do {
                let answer = try await send(planned.change, body)
                try afterCall(calls)
                var applied = planned.change
                applied.metadataId = Self.createdId(in: answer) ?? planned.change.metadataId
                var inverse = planned.inverse
                if inverse.metadataId == nil { inverse.metadataId = applied.metadataId }
                try ledger.append([
                    .schemaChangeApplied(SchemaChangeApplied(changeId: changeId, change: applied, inverse: inverse))
                ])
                report.applied.append(planned)
            } catch let error as TwentyError where error.kind != .network {
                try ledger.append([
                    .schemaChangeRefused(
                        SchemaChangeRefused(
                            changeId: changeId, change: planned.change, status: error.status, error: error.summary))
                ])
                report.refused.append((planned, error.summary))
            }
        }
        try ledger.append([
            .runCompleted(
                RunCompleted(
                    command: "prepare",
                    counts: ["applied": report.applied.count, "refused": report.refused.count, "requests": calls]))
        ])
        return report
    }

    func readSchema() async throws -> WorkspaceSchema {
        WorkspaceSchema(metadata: try await client.get("rest/metadata/objects"))
    }

    /// Each schema intent an earlier run left without an outcome is looked up in the workspace: if the change is
    /// there, its outcome is recorded now with the undo the intent carried; if not, the intent is closed as
    /// absent and the plan makes the change again.
    func resolveInDoubt(_ schema: WorkspaceSchema) throws -> Int {
        var resolved = 0
        for intent in try ledger.intentsInDoubt() where intent.kind == .schema {
            guard let stored = try ledger.event(seq: intent.seq),
                case .schemaChangeRequested(let requested) = try stored.decoded()
            else { continue }
            let change = requested.change
            let name = change.field.map { "\(change.object).\($0)" } ?? change.object
            let held = Self.isInPlace(change, schema)
            var events: [LedgerEvent] = [
                .intentResolved(
                    IntentResolved(
                        kind: .schema, intentId: requested.changeId, intentSeq: intent.seq, object: change.object,
                        held: held ? [name] : [], absent: held ? [] : [name]))
            ]
            if held, let inverse = requested.inverse {
                var applied = change
                applied.metadataId =
                    change.field.flatMap { schema.field(change.object, $0)?.id } ?? schema.objects[change.object]?.id
                var undo = inverse
                if undo.metadataId == nil { undo.metadataId = applied.metadataId }
                events.append(
                    .schemaChangeApplied(
                        SchemaChangeApplied(changeId: requested.changeId, change: applied, inverse: undo)))
            }
            try ledger.append(events)
            resolved += 1
        }
        return resolved
    }

    /// Whether the workspace holds what `change` asked for.
    static func isInPlace(_ change: SchemaChange, _ schema: WorkspaceSchema) -> Bool {
        switch change.op {
        case .createObject: return schema.objects[change.object] != nil
        case .deleteObject: return schema.objects[change.object] == nil
        case .createField: return change.field.flatMap { schema.field(change.object, $0) } != nil
        case .deleteField: return change.field.flatMap { schema.field(change.object, $0) } == nil
        case .updateField:
            guard let name = change.field, let field = schema.field(change.object, name) else { return false }
            let wanted = change.definition?["options"]?.arrayValue?.compactMap { $0["value"]?.stringValue } ?? []
            return field.optionValues == wanted
        }
    }

    private func needsIds(_ planned: PlannedChange, _ schema: WorkspaceSchema) -> Bool {
        let target = planned.change.definition?["relationCreationPayload"]?["targetObject"]?.stringValue
        return schema.objects[planned.change.object] == nil || target.map { schema.objects[$0] == nil } ?? false
    }

    /// The metadata API body: the planned definition with objects named by their ids.
    func resolvedBody(_ change: SchemaChange, _ schema: WorkspaceSchema) throws -> JSONValue {
        guard case .object(var body) = change.definition ?? JSONValue.object([:]) else {
            return change.definition ?? .null
        }
        switch change.op {
        case .createObject, .updateField, .deleteField, .deleteObject:
            return .object(body)
        case .createField:
            guard let object = schema.objects[change.object] else {
                throw PreparationError(
                    "the object \(change.object) is not in the workspace; cannot add \(change.field ?? "")")
            }
            body["objectMetadataId"] = .string(object.id)
            if case .object(var payload)? = body["relationCreationPayload"] {
                let target = payload["targetObject"]?.stringValue ?? ""
                guard let targetObject = schema.objects[target] else {
                    throw PreparationError(
                        "the relation \(change.object).\(change.field ?? "") points at \(target), not in the workspace")
                }
                payload["targetObject"] = nil
                payload["targetObjectMetadataId"] = .string(targetObject.id)
                body["relationCreationPayload"] = .object(payload)
            }
            return .object(body)
        }
    }

    private func send(_ change: SchemaChange, _ body: JSONValue) async throws -> JSONValue {
        switch change.op {
        case .createObject: return try await client.send("POST", "rest/metadata/objects", body: body).json
        case .createField: return try await client.send("POST", "rest/metadata/fields", body: body).json
        case .updateField:
            return try await client.send("PATCH", "rest/metadata/fields/\(change.metadataId ?? "")", body: body).json
        case .deleteField:
            return try await client.send("DELETE", "rest/metadata/fields/\(change.metadataId ?? "")").json
        case .deleteObject:
            return try await client.send("DELETE", "rest/metadata/objects/\(change.metadataId ?? "")").json
        }
    }

    /// `{"data":{"createOneField":{"id":...}}}` and the like.
    static func createdId(in answer: JSONValue) -> String? {
        guard case .object(let data)? = answer["data"] else { return nil }
        return data.values.lazy.compactMap { $0["id"]?.stringValue }.first
    }
}

/// What a `prepare` run found and did.
public struct PreparationReport: Sendable {
    public var applied: [PlannedChange] = []
    public var refused: [(PlannedChange, String)] = []
    public var present: [String] = []
    public var problems: [SchemaProblem] = []
    /// Intents an earlier, interrupted run left in doubt, settled by reading the workspace.
    public var resolved = 0

    public init() {}
}

public struct PreparationError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
