/// Where Twenty keeps a unique field's value: uniqueness of a composite applies to its primary subfield
/// (`emails.primaryEmail`, `domainName.primaryLinkUrl`), so that is what a collision is looked up by.
public enum UniqueValue {
    /// The dotted path of `field`'s unique value.
    public static func path(of field: FieldDescription) -> String {
        guard let primary = field.type.subfields.first else { return field.name }
        return field.name + "." + primary.name
    }
}
