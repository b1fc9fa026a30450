import CanonicalJSON

/// `map.proposed`: the tool wrote a field map proposal.
public struct MapProposed: EventPayload {
    public static let type = EventType.mapProposed
    public var mapSha256: String
    public var path: String
    public var fields: Int

    public init(mapSha256: String, path: String, fields: Int) {
        self.mapSha256 = mapSha256
        self.path = path
        self.fields = fields
    }
}

/// `map.confirmed`: a person confirmed the map file whose SHA-256 is given; writes require it.
public struct MapConfirmed: EventPayload {
    public static let type = EventType.mapConfirmed
    public var mapSha256: String
    public var confirmedBy: String

    public init(mapSha256: String, confirmedBy: String) {
        self.mapSha256 = mapSha256
        self.confirmedBy = confirmedBy
    }
}

/// `record.transformed`: a source record became a Twenty payload under the confirmed map.
public struct RecordTransformed: EventPayload {
    public static let type = EventType.recordTransformed
    public var object: String?
    public var sourceId: String?
    public var targetObject: String
    public var mapSha256: String
    public var values: JSONValue
    /// For a task, note or activity whose parent is named per record (`Related Type` + `Related ID`): the records it
    /// is linked to, written as taskTarget / noteTarget records once it exists. Absent when there are none.
    public var targets: [LinkedRecord]?

    public init(
        object: String, sourceId: String, targetObject: String, mapSha256: String, values: JSONValue,
        targets: [LinkedRecord]? = nil
    ) {
        self.object = object
        self.sourceId = sourceId
        self.targetObject = targetObject
        self.mapSha256 = mapSha256
        self.values = values
        self.targets = targets
    }
}

/// A record another one links to: its source object and id, and the deterministic Twenty id it gets.
public struct LinkedRecord: Codable, Sendable, Equatable {
    public var object: String
    public var sourceId: String
    public var twentyId: String

    public init(object: String, sourceId: String, twentyId: String) {
        self.object = object
        self.sourceId = sourceId
        self.twentyId = twentyId
    }

    var json: JSONValue {
        ["object": .string(object), "sourceId": .string(sourceId), "twentyId": .string(twentyId)]
    }
}

/// `record.rejected`: a source record will not be written, for the reasons given.
public struct RecordRejected: EventPayload {
    public static let type = EventType.recordRejected
    public var object: String?
    public var sourceId: String?
    public var file: String
    public var line: Int
    public var reasons: [RejectionReason]

    public init(object: String, sourceId: String, file: String, line: Int, reasons: [RejectionReason]) {
        self.object = object
        self.sourceId = sourceId
        self.file = file
        self.line = line
        self.reasons = reasons
    }
}

public struct RejectionReason: Codable, Sendable, Equatable {
    public var field: String?
    /// A stable code (`invalid-email`, `missing-required`, ...) for counting.
    public var code: String
    public var message: String

    public init(field: String?, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }
}

/// `record.excluded`: a source record is left out by an exclusion rule.
public struct RecordExcluded: EventPayload {
    public static let type = EventType.recordExcluded
    public var object: String?
    public var sourceId: String?
    public var rule: String
    /// Why, in a sentence, when the rule alone does not say (a collision names the value and the existing record).
    public var reason: String?
    /// The record already in the workspace the excluded record stands for (rule `collision-skip`): links to the
    /// source record go to it. Absent for every other rule.
    public var twentyId: String?

    public init(object: String, sourceId: String, rule: String, reason: String? = nil, twentyId: String? = nil) {
        self.object = object
        self.sourceId = sourceId
        self.rule = rule
        self.reason = reason
        self.twentyId = twentyId
    }
}
