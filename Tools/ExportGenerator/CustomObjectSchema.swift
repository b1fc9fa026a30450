/// The JSON schema file of a custom object, as Allegory writes it beside the object's records.
struct CustomObjectSchema: Encodable {
    struct Field: Encodable {
        struct Lookup: Encodable {
            let object: String
            let keyColumn: String
        }

        let name: String
        let label: String
        let type: String
        var required = false
        var picklistValues: [String]? = nil
        var currencyCode: String? = nil
        var lookup: Lookup? = nil
    }

    struct Relationship: Encodable {
        let file: String
        let object: String
        let keyColumn: String
        let attributes: [Field]
    }

    let name: String
    let label: String
    let pluralLabel: String
    let keyColumn: String
    let fields: [Field]
    let relationships: [Relationship]
}
