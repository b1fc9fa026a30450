/// Who wins, for one field, when a delta finds that the source changed a value someone has also edited in Twenty
/// since the migration wrote it. A field without a rule keeps Twenty's edit and reports the conflict, unless the
/// delta is run with `--overwrite-conflicts`.
public enum ConflictRule: String, Sendable, CaseIterable {
    /// The source's new value is written over the edit made in Twenty.
    case source
    /// The edit made in Twenty stays; the source's change to this field is not written.
    case twenty
}
