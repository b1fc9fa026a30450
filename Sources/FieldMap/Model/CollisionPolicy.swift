/// What the run does with a source record that collides on a unique value (a person's email, a company's domain,
/// any field the workspace declares unique) with a record already in the workspace that the migration did not write.
///
/// Whatever the policy, a collision with a soft-deleted record refuses the source record: Twenty would restore the
/// row on an upsert, and restoring something a person deleted is their decision, not the migration's.
public enum CollisionPolicy: String, Sendable, CaseIterable {
    /// Update the existing record with the values the migration would have written (only those fields), its
    /// before-image of them recorded in the intent; the source record then stands for the existing record.
    case merge
    /// Leave the existing record as it is and exclude the source record; its children link to the existing record.
    case skip
    /// Refuse the source record, naming the existing record and the colliding value.
    case fail
}
