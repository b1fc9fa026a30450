import TwentyModel

/// Which transforms can write which kind of Twenty value: a field's type, or a composite subfield's storage. Public so
/// the transform can check a live workspace's real types with the rules the map was confirmed under.
public enum TransformCompatibility {
    public static func accepts(_ transform: Transform, type: FieldType, subfield: String?) -> Bool {
        switch (transform, type, subfield) {
        case (.skip, _, _): true
        case (.text, _, nil): [.text, .files, .uuid].contains(type)
        case (.text, _, let part?):
            !["additionalEmails", "additionalPhones", "secondaryLinks", "amountMicros", "addressLat", "addressLng"]
                .contains(part)
        case (.fullName, .fullName, nil): true
        case (.email, .emails, "primaryEmail"), (.email, .text, nil): true
        case (.emailList, .emails, "additionalEmails"), (.emailList, .array, nil), (.emailList, .text, nil): true
        case (.phone, .phones, "primaryPhoneNumber"), (.phone, .phones, "additionalPhones"), (.phone, .text, nil): true
        case (.url, .links, "primaryLinkUrl"), (.url, .text, nil): true
        case (.currencyAmount, .currency, "amountMicros"): true
        case (.currencyCode, .currency, "currencyCode"), (.currencyCode, .text, nil): true
        case (.number, .number, nil), (.number, .numeric, nil), (.number, .rating, nil): true
        case (.number, .address, "addressLat"), (.number, .address, "addressLng"): true
        case (.boolean, .boolean, nil): true
        case (.date, .date, nil), (.date, .dateTime, nil), (.dateTime, .dateTime, nil), (.dateTime, .date, nil): true
        case (.select, .select, nil): true
        case (.multiSelect, .multiSelect, nil): true
        case (.richText, .richTextV2, "markdown"), (.richText, .text, nil): true
        case (.json, .rawJSON, nil), (.json, .array, nil): true
        default: false
        }
    }

    /// Transforms that write a join column (`companyId`) rather than a field.
    public static func writesJoinColumn(_ transform: Transform) -> Bool {
        transform == .owner || transform == .reference
    }
}
