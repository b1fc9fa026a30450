/// What a key of a record body sent by a client names, resolved in one dictionary lookup on the write path.
///
/// The field is held by reference: looking up a `FieldMetadata` by value copies a dozen strings and optionals
/// (a retain and a release each), twice per key and record, which showed up in the batch-create profile.
enum WritableKey: Sendable {
    /// A many-to-one relation's join column (`companyId`); takes precedence over a field of the same name.
    case joinColumn(FieldReference)
    case field(FieldReference)
}

final class FieldReference: Sendable {
    let metadata: FieldMetadata
    /// Where the key's value sits in the object's records (`RecordLayout`); nil for a key no body stores.
    let slot: Int?

    init(_ metadata: FieldMetadata, slot: Int?) {
        self.metadata = metadata
        self.slot = slot
    }
}
