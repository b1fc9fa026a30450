/// The field types of Twenty's metadata, spelled as Twenty spells them (`FieldMetadataType` in
/// `packages/twenty-shared/src/types/FieldMetadataType.ts`).
public enum FieldType: String, Codable, Sendable, CaseIterable, Hashable {
    case uuid = "UUID"
    case text = "TEXT"
    case number = "NUMBER"
    case numeric = "NUMERIC"
    case boolean = "BOOLEAN"
    case date = "DATE"
    case dateTime = "DATE_TIME"
    case select = "SELECT"
    case multiSelect = "MULTI_SELECT"
    case rating = "RATING"
    case currency = "CURRENCY"
    case links = "LINKS"
    case emails = "EMAILS"
    case phones = "PHONES"
    case fullName = "FULL_NAME"
    case address = "ADDRESS"
    case actor = "ACTOR"
    case richTextV2 = "RICH_TEXT_V2"
    case relation = "RELATION"
    case rawJSON = "RAW_JSON"
    case array = "ARRAY"
    case files = "FILES"
    case position = "POSITION"
    case tsVector = "TS_VECTOR"

    /// The subfields of a composite type, in Twenty's order; empty for a scalar type.
    public var subfields: [Subfield] {
        switch self {
        case .currency:
            [.init("amountMicros", .number), .init("currencyCode", .text)]
        case .emails:
            [.init("primaryEmail", .text), .init("additionalEmails", .rawJSON)]
        case .links:
            [.init("primaryLinkUrl", .text), .init("primaryLinkLabel", .text), .init("secondaryLinks", .rawJSON)]
        case .phones:
            [
                .init("primaryPhoneNumber", .text), .init("primaryPhoneCountryCode", .text),
                .init("primaryPhoneCallingCode", .text), .init("additionalPhones", .rawJSON),
            ]
        case .fullName:
            [.init("firstName", .text), .init("lastName", .text)]
        case .address:
            [
                .init("addressStreet1", .text), .init("addressStreet2", .text), .init("addressCity", .text),
                .init("addressState", .text), .init("addressCountry", .text), .init("addressPostcode", .text),
                .init("addressLat", .numeric), .init("addressLng", .numeric),
            ]
        case .actor:
            [
                .init("source", .text), .init("workspaceMemberId", .uuid), .init("name", .text),
                .init("context", .rawJSON),
            ]
        case .richTextV2:
            [.init("blocknote", .text), .init("markdown", .text)]
        default:
            []
        }
    }

    public var isComposite: Bool { !subfields.isEmpty }

    /// One part of a composite value, e.g. `emails.primaryEmail`.
    public struct Subfield: Sendable, Hashable {
        public let name: String
        /// How the part is stored: `.rawJSON` for the list-valued parts (additionalEmails, secondaryLinks, ...).
        public let storage: FieldType
        init(_ name: String, _ storage: FieldType) {
            self.name = name
            self.storage = storage
        }
    }
}
