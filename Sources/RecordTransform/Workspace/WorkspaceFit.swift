import FieldMap
import TwentyModel

/// Whether the workspace can receive what the confirmed map writes, checked once before any record is read: one
/// missing field would otherwise reject (or, at write time, fail) every record that carries it.
///
/// A target the workspace lacks is a problem unless the map creates it (a `newField`, a new object or a junction):
/// those are what `crm-migrate prepare` adds, so before prepare has run they are checked against the map's declared
/// types instead. A field the workspace holds as another type than the map assumed is transformed for the real type,
/// and is a problem only when the mapping's transform cannot write that type.
public enum WorkspaceFit {
    public static func problems(of map: FieldMap, in workspace: TransformWorkspace) -> [WorkspaceFitError.Problem] {
        var problems: [WorkspaceFitError.Problem] = []
        for object in map.objects {
            if case .skip = object.disposition { continue }
            let name = object.twentyObject
            guard let real = workspace.object(name) else {
                // The map creates this object; prepare adds it with every field the map declares.
                if object.createdObject != nil { continue }
                problems.append(
                    .init(
                        .missingTarget, object: object.source, column: nil,
                        message: "the workspace has no object \(name)")
                )
                continue
            }
            let assumed = TargetDescriptions.description(of: object, version: map.twenty.version)
            let created = createdFieldNames(object)
            for mapping in object.fields where mapping.transform != .skip {
                guard let target = mapping.target, let field = mapping.targetField else { continue }
                if let problem = problem(
                    mapping, target: target, field: field, real: real, assumed: assumed, created: created)
                {
                    problems.append(
                        .init(problem.kind, object: object.source, column: mapping.column, message: problem.message))
                }
            }
        }
        return problems + ownerProblems(map, workspace)
    }

    /// The fields of `object` the map creates, by field name and (for a relation) join column.
    static func createdFieldNames(_ object: ObjectMap) -> Set<String> {
        var names = Set<String>()
        for new in object.fields.compactMap(\.newField) {
            names.insert(new.name)
            if new.type == .relation { names.insert(new.name + "Id") }
        }
        return names
    }

    static func problem(
        _ mapping: FieldMapping, target: String, field: String, real: ObjectDescription, assumed: ObjectDescription?,
        created: Set<String>
    ) -> (kind: WorkspaceFitError.Kind, message: String)? {
        let place = "\(real.nameSingular).\(field)"
        if TransformCompatibility.writesJoinColumn(mapping.transform) {
            if real.relation(joinColumn: target) != nil || created.contains(target) { return nil }
            return (.missingTarget, "the workspace's \(real.nameSingular) has no relation with join column \(target)")
        }
        guard let type = real.field(named: field)?.type else {
            if created.contains(field) { return nil }
            return (.missingTarget, "the workspace's \(real.nameSingular) has no field \(field)")
        }
        // The catalogue's or the map's type was what the map was confirmed against; only a different real type
        // can make the transform unable to write it.
        guard type != assumed?.field(named: field)?.type else { return nil }
        let subfield = type.isComposite ? mapping.targetSubfield ?? defaultSubfield(mapping.transform) : nil
        guard TransformCompatibility.accepts(mapping.transform, type: type, subfield: subfield) else {
            let expected = assumed?.field(named: field).map { " (the map assumed \($0.type.rawValue))" } ?? ""
            return (
                .incompatibleType,
                "transform \(mapping.transform.rawValue) cannot write \(place): the workspace holds it as \(type.rawValue)\(expected)"
            )
        }
        return nil
    }

    /// Where a transform writes a composite field the mapping names as a whole (`website` for a url).
    static func defaultSubfield(_ transform: Transform) -> String? {
        switch transform {
        case .email: "primaryEmail"
        case .emailList: "additionalEmails"
        case .phone: "primaryPhoneNumber"
        case .url: "primaryLinkUrl"
        case .currencyAmount: "amountMicros"
        case .currencyCode: "currencyCode"
        case .richText: "markdown"
        default: nil
        }
    }

    /// Member emails the map's owner table or fallback names that the workspace lacks, when the map maps owners.
    static func ownerProblems(_ map: FieldMap, _ workspace: TransformWorkspace) -> [WorkspaceFitError.Problem] {
        let mapsOwners = map.objects.contains { $0.fields.contains { $0.transform == .owner && $0.target != nil } }
        guard mapsOwners else { return [] }
        let missing = MemberDirectory(members: workspace.members, owners: map.owners).membersMissingFromWorkspace
        guard !missing.isEmpty else { return [] }
        return [
            .init(
                .missingMember, object: "owners", column: nil,
                message:
                    "map.yaml sends owners to \(missing.count) member(s) the workspace does not have: "
                    + missing.joined(separator: ", ")
                    + "; invite them in Twenty, or change their lines under owners (and the fallback), then confirm again"
            )
        ]
    }
}
