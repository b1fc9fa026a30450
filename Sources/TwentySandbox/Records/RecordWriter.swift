import CanonicalJSON
import SQLite
import TwentyModel

/// Writes records of one object inside the caller's transaction: creates, upserts and updates, with every
/// check Twenty makes before its query runs. A thrown error rolls the whole transaction back, so a batch is
/// all or nothing (TWENTY_API.md section 10: Twenty validates every record, then sends one multi-row INSERT).
struct RecordWriter {
    let database: Database
    let schema: Schema
    let object: ObjectModel
    let now: String
    /// The actor Twenty derives from the API key (`createdBy` / `updatedBy`).
    let caller: JSONValue
    /// `/_sandbox/seed` writes what a real workspace could hold but the API would refuse (members).
    let isSeeding: Bool

    private let table: RecordTable
    private let normalizer: FieldValueNormalizer
    private var positions: PositionAllocator

    init(
        database: Database, schema: Schema, object: ObjectModel, now: String, caller: JSONValue, isSeeding: Bool = false
    )
        throws
    {
        self.database = database
        self.schema = schema
        self.object = object
        self.now = now
        self.caller = caller
        self.isSeeding = isSeeding
        table = RecordTable(database: database, object: object)
        normalizer = FieldValueNormalizer(object: object)
        positions = PositionAllocator(bounds: try table.positionBounds())
    }

    enum Outcome { case created, updated }

    /// Creates one record, or with `upsert` updates the record matching its id or any unique field,
    /// soft-deleted ones included, restoring it and keeping its `createdBy` (TWENTY_API.md section 1).
    mutating func create(_ input: JSONValue, upsert: Bool) throws -> (StoredRecord, Outcome) {
        guard case .object(let sent) = input else {
            throw SandboxError.badRequest("Each record must be a JSON object")
        }
        try checkKeys(sent)
        let id: String
        let idWasSent: Bool
        if case .string(let given)? = sent["id"] {
            guard Identifier.isUUID(given) else { throw SandboxError.badRequest("Invalid UUID: \(given)") }
            id = given.lowercased()
            idWasSent = true
        } else if let given = sent["id"], given != .null {
            throw SandboxError.badRequest("Invalid UUID: \(given.canonicalText)")
        } else {
            id = Identifier.random()
            idWasSent = false
        }
        let isTimelineActivity = TimelineActivityRule.applies(to: object)
        if upsert, isTimelineActivity { try TimelineActivityRule.refuseUpsert(object) }

        if upsert, let match = try matchingRecord(id: id, sent: sent) {
            var patch = sent
            patch["id"] = nil
            patch["createdBy"] = nil
            patch["createdAt"] = nil
            var updated = match
            try apply(patch, to: &updated)
            updated["deletedAt"] = .null
            try table.update(&updated)
            return (updated, .updated)
        }
        // A sent id is checked here, so its duplicate error comes before any value error as it always has; a
        // fresh random id cannot collide in practice, and the primary key still refuses it with the same message.
        if idWasSent, try table.exists(id: id) {
            throw RecordTable.duplicateId(id, in: object)
        }
        var record = StoredRecord(layout: object.layout)
        record["id"] = .string(id)
        record["createdAt"] = .string(now)
        record["updatedAt"] = .string(now)
        record["deletedAt"] = .null
        record["createdBy"] = try createdBy(sent["createdBy"])
        record["updatedBy"] = caller
        record["position"] = .number(try positions.position(for: sent["position"]))
        // `apply` skips the id, createdBy and position just set; an `updatedAt` sent is kept (PR #16764, so an
        // importer can date history at the source's time: timeline entries take `updatedAt ?? createdAt`).
        try apply(sent, to: &record, isCreate: true)
        if isTimelineActivity, !isSeeding { try TimelineActivityRule.prepare(&record, object) }
        try checkRequired(record)
        try table.insert(&record)
        return (record, .created)
    }

    /// Updates one record with the members sent; composite subfields not sent keep their values.
    mutating func update(_ existing: StoredRecord, with input: JSONValue) throws -> StoredRecord {
        guard case .object(var sent) = input else { throw SandboxError.badRequest("The body must be a JSON object") }
        try checkKeys(sent)
        if let id = sent["id"], id.stringValue?.lowercased() != existing.id {
            throw SandboxError.badRequest("The id of a record cannot be changed")
        }
        sent["id"] = nil
        sent["createdBy"] = nil
        var record = existing
        try apply(sent, to: &record)
        try checkRequired(record)
        try table.update(&record)
        return record
    }

    // MARK: Applying values

    /// In place: a record handed in and out by value would copy its slots on the first change.
    private mutating func apply(_ sent: [String: JSONValue], to record: inout StoredRecord, isCreate: Bool = false)
        throws
    {
        for (key, value) in sent {
            // On create these were set from the sent values before the others are applied.
            if isCreate, key == "id" || key == "createdBy" || key == "position" { continue }
            switch key {
            case "createdAt", "deletedAt",
                "updatedAt" where isCreate:  // the `where` binds to "updatedAt" alone
                guard case .string(let text) = value else {
                    if key == "deletedAt", value == .null { record[key] = .null; continue }
                    throw SandboxError.badRequest("Invalid value for \(key): expected an ISO 8601 date")
                }
                guard let instant = Timestamp.parse(text) else {
                    throw SandboxError.badRequest("Invalid value for \(key): expected an ISO 8601 date")
                }
                record[key] = .string(instant.iso8601)
            case "updatedAt", "updatedBy", "searchVector":
                continue  // written by the server itself
            case "position":
                record["position"] = .number(try positions.position(for: value))
            case "createdBy":
                record["createdBy"] = try createdBy(value)
            default:
                switch object.writableKeys[key] {
                case .joinColumn(let relation)?:
                    let joined = try joinValue(value, relation.metadata)
                    if let slot = relation.slot { record[slot: slot] = joined } else { record[key] = joined }
                case .field(let field)?:
                    let existing = isCreate ? nil : record[key]
                    let normalised = try normalizer.normalise(field.metadata, value, existing: existing)
                    if field.metadata.type == .files { try checkFiles(normalised, field.metadata) }
                    if let slot = field.slot { record[slot: slot] = normalised } else { record[key] = normalised }
                case nil:
                    break
                }
            }
        }
        // An `updatedAt` sent on create was kept above (PR #16764); any other write is dated now.
        if !(isCreate && sent["updatedAt"] != nil) { record["updatedAt"] = .string(now) }
        record["updatedBy"] = caller
    }

    /// Every key must be a field, a join column or a system member Twenty accepts.
    private func checkKeys(_ sent: [String: JSONValue]) throws {
        for key in sent.keys {
            guard let entry = object.writableKeys[key] else {
                throw SandboxError.unknownField(key, object: object.name)
            }
            guard case .field(let field) = entry else { continue }
            guard field.metadata.isActive else { throw SandboxError.unknownField(key, object: object.name) }
            if field.metadata.type == .relation {
                throw SandboxError.badRequest(
                    "Field \(key) of \(object.name) is a relation: write its join column"
                        + (field.metadata.storageKey.map { " \($0)" } ?? "")
                        + "; nested connect is not emulated by the sandbox")
            }
        }
    }

    /// A join column holds the id of an existing record of the target object (a foreign key in Twenty).
    private func joinValue(_ value: JSONValue, _ field: FieldMetadata) throws -> JSONValue {
        if case .null = value { return .null }
        guard case .string(let text) = value, Identifier.isUUID(text) else {
            throw SandboxError.badRequest("Invalid UUID for \(field.storageKey!): \(value.canonicalText)")
        }
        let id = text.lowercased()
        guard let targetId = field.relation?.targetObjectMetadataId, let target = schema.object(id: targetId) else {
            return .string(id)
        }
        guard try RecordTable(database: database, object: target).exists(id: id) else {
            throw SandboxError.badRequest(
                "\(field.storageKey!) \(id) does not point at an existing \(target.name) (foreign key violation)")
        }
        return .string(id)
    }

    private func checkFiles(_ value: JSONValue, _ field: FieldMetadata) throws {
        guard case .array(let items) = value else { return }
        for item in items {
            guard let fileId = item["fileId"]?.stringValue, try FileStore(database: database).exists(id: fileId) else {
                throw SandboxError.badRequest(
                    "File \(item["fileId"]?.canonicalText ?? "?") of field \(field.name) was not uploaded")
            }
        }
    }

    private func checkRequired(_ record: StoredRecord) throws {
        for name in object.requiredFieldNames {
            if record[name] == nil || record[name] == .null {
                throw SandboxError.badRequest("A required field is missing: \(object.name).\(name)")
            }
        }
    }

    /// `createdBy` as Twenty fills it (TWENTY_API.md section 4): sent with a name it is kept; a bare source is
    /// completed from the API key; nothing gives the key's own actor (`source: API`).
    private func createdBy(_ sent: JSONValue?) throws -> JSONValue {
        guard let sent, sent != .null else { return caller }
        guard case .object(let members) = sent else {
            throw SandboxError.badRequest("Invalid value for createdBy: expected an ACTOR object")
        }
        for key in members.keys where !["source", "name", "workspaceMemberId", "context"].contains(key) {
            throw SandboxError.badRequest("Invalid subfield \(key) for field createdBy")
        }
        var actor = caller.objectValue ?? [:]
        if case .string(let name)? = members["name"], !name.isEmpty {
            actor = CompositeValue.empty(.actor).objectValue ?? [:]
            actor["source"] = "API"
        }
        for (key, value) in members { actor[key] = value }
        return .object(actor)
    }

    // MARK: Upsert matching

    /// The one record an upsert updates: the record with the sent id, and the record holding each unique value
    /// sent (every unique index: `emails.primaryEmail`, `domainName.primaryLinkUrl`, custom unique fields),
    /// soft-deleted ones included. Twenty gathers every match and refuses a row that matches two different
    /// records (TWENTY_API.md section 11; `UPSERT_MULTIPLE_MATCHING_RECORDS_CONFLICT`), since updating either
    /// would break the other's unique value.
    private func matchingRecord(id: String, sent: [String: JSONValue]) throws -> StoredRecord? {
        var matches: [(id: String, via: String)] = []
        if try table.exists(id: id) { matches.append((id, "id")) }
        for field in object.uniqueFields {
            guard let value = sent[field.name], value != .null else { continue }
            let normalised = try normalizer.normalise(field, value, existing: nil)
            guard let key = Self.uniqueKey(normalised, path: field.uniquePath!),
                let matchId = try table.id(withUnique: field, equalTo: key)
            else { continue }
            matches.append((matchId, field.uniquePath!))
        }
        guard let first = matches.first else { return nil }
        if let other = matches.first(where: { $0.id != first.id }) {
            throw SandboxError.badRequest(
                "UPSERT_MULTIPLE_MATCHING_RECORDS_CONFLICT: the \(object.name) sent matches record \(first.id) by "
                    + "\(first.via) and record \(other.id) by \(other.via)")
        }
        return try table.record(id: first.id)
    }

    /// The value a unique index holds for a normalised field value: the subfield named by the path's tail for a
    /// composite, the value itself otherwise; empty text holds nothing (the index ignores it).
    private static func uniqueKey(_ value: JSONValue, path: String) -> SQLValue? {
        var probe: JSONValue? = value
        for part in path.split(separator: ".").dropFirst() { probe = probe?[String(part)] }
        switch probe {
        case .string(let text)? where !text.isEmpty: return .text(text)
        case .integer(let number)?: return .integer(number)
        case .number(let number)?: return .real(number)
        default: return nil
        }
    }
}

/// Twenty's `position` rules (TWENTY_API.md section 10): omitted -> first (smallest minus one), `first`,
/// `last`, or a number; anything else is refused.
struct PositionAllocator {
    private var lowest: Double?
    private var highest: Double?

    init(bounds: (min: Double, max: Double)?) {
        lowest = bounds?.min
        highest = bounds?.max
    }

    mutating func position(for sent: JSONValue?) throws -> Double {
        let value: Double
        switch sent {
        case .none, .some(.null), .some(.string("first")): value = (lowest ?? 1) - 1
        case .some(.string("last")): value = (highest ?? -1) + 1
        case .some(.integer(let v)): value = Double(v)
        case .some(.number(let v)): value = v
        case .some(let other): throw SandboxError.badRequest("Invalid position value: \(other.canonicalText)")
        }
        lowest = min(lowest ?? value, value)
        highest = max(highest ?? value, value)
        return value
    }
}
