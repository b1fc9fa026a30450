import TwentyModel

/// Proposes each object's `onCollision` policy, with the reason a reviewer reads in map.yaml.
///
/// The proposal is `fail` wherever the target has a unique field: it changes nothing a person already keeps in the
/// workspace and loses no source record silently, since every refused record is listed with the existing record's
/// id and the colliding value. Merging edits someone's data and skipping drops the source's values; both are a
/// person's call, made by editing one word once the collisions are known.
enum CollisionProposer {
    static func propose(_ object: ObjectMap, catalog: TargetCatalog) -> ObjectMap {
        var proposed = object
        proposed.onCollision = .fail
        guard object.disposition == .existing, let target = catalog.object(object.target) else { return proposed }
        let unique = target.fields.filter { $0.isUnique && $0.name != "id" }.map { field in
            UniqueValue.path(of: field)
        }
        guard !unique.isEmpty else { return proposed }
        proposed.reasons.append(
            "onCollision fail: Twenty keeps \(unique.joined(separator: ", ")) unique (soft-deleted rows included); a "
                + "record whose value a workspace record already holds is refused and listed with that record's id, "
                + "so nothing already in the workspace changes without a decision: merge updates that record with "
                + "the fields we send (rollback restores them), skip leaves it and links children to it")
        return proposed
    }
}
