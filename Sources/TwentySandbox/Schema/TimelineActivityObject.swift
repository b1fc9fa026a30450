import TwentyModel

/// `timelineActivity`, the object behind a record's timeline, seeded in v2 workspaces only.
///
/// Its fields follow `packages/twenty-server/src/modules/timeline/standard-objects/
/// timeline-activity.workspace-entity.ts` (`happensAt`, `name`, `properties`, `linkedRecordCachedName`,
/// `linkedRecordId`, `linkedObjectMetadataId`, the `workspaceMember` and `target<Object>` relations) plus
/// `timelineActivityTypeId`, a UUID field "Event type" in the newest standard field definitions. Servers before
/// about 2.34 wrote timeline activities themselves and refused them through the API (TWENTY_API.md sections 4
/// and 11), so a v1 workspace has no such object. Workflow and dashboard targets are left out: the sandbox has
/// neither object.
enum TimelineActivityObject {
    static let nameSingular = "timelineActivity"

    static let description = ObjectDescription(
        nameSingular: nameSingular, namePlural: "timelineActivities", labelSingular: "Timeline Activity",
        labelPlural: "Timeline Activities",
        fields: StandardObjects.systemFields + [
            .init(name: "happensAt", label: "Creation date", type: .dateTime),
            .init(name: "name", label: "Event name", type: .text),
            .init(name: "properties", label: "Event details", type: .rawJSON),
            .init(name: "linkedRecordCachedName", label: "Linked Record cached name", type: .text),
            .init(name: "linkedRecordId", label: "Linked Record id", type: .uuid),
            .init(name: "linkedObjectMetadataId", label: "Linked Object Metadata Id", type: .uuid),
            .init(name: "timelineActivityTypeId", label: "Event type", type: .uuid),
            relation("workspaceMember", "Workspace Member", to: "workspaceMember"),
        ] + targets.map { relation("target" + $0.label, $0.label, to: $0.name) })

    /// The standard objects whose timeline an activity can belong to.
    private static let targets: [(name: String, label: String)] = [
        ("person", "Person"), ("company", "Company"), ("opportunity", "Opportunity"), ("note", "Note"),
        ("task", "Task"),
    ]

    private static func relation(_ name: String, _ label: String, to target: String) -> FieldDescription {
        .init(
            name: name, label: label, type: .relation,
            relation: .init(kind: .manyToOne, targetObject: target, joinColumn: name + "Id"))
    }
}
