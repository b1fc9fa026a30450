import CanonicalJSON

/// What a client-created `timelineActivity` must hold (TWENTY_API.md section 11, recent servers): an event type
/// (`timelineActivityTypeId`), exactly one `target<Object>Id` (the record whose timeline shows it), and no upsert.
/// `happensAt` left out takes the record's `createdAt`, so an activity sent with a source's date lands there.
///
/// The rules are the doc's; Twenty's exact messages were not found and are UNCONFIRMED. The sandbox holds no
/// catalogue of activity types, so any UUID is accepted as a type.
enum TimelineActivityRule {
    static func applies(to object: ObjectModel) -> Bool { object.name == TimelineActivityObject.nameSingular }

    static func refuseUpsert(_ object: ObjectModel) throws {
        throw SandboxError.badRequest("Upsert is not supported for \(object.metadata.namePlural): create them instead")
    }

    /// Checks a record about to be inserted and fills `happensAt`.
    static func prepare(_ record: inout StoredRecord, _ object: ObjectModel) throws {
        if record["timelineActivityTypeId"] == nil || record["timelineActivityTypeId"] == .null {
            throw SandboxError.badRequest("A timeline activity needs a timelineActivityTypeId (its event type)")
        }
        let targets = object.fieldsByJoinColumn.keys.filter { $0.hasPrefix("target") }.sorted()
        let set = targets.filter { record[$0] != nil && record[$0] != .null }
        guard set.count == 1 else {
            throw SandboxError.badRequest(
                "A timeline activity must have exactly one target (one of \(targets.joined(separator: ", "))); "
                    + (set.isEmpty ? "none was sent" : "\(set.joined(separator: " and ")) were sent"))
        }
        if record["happensAt"] == nil || record["happensAt"] == .null {
            record["happensAt"] = record["createdAt"]
        }
    }
}
