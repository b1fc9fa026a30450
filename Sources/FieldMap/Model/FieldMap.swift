import TwentyModel

/// The field map: how every object and column of an Allegory export lands in Twenty.
///
/// The tool proposes it (`map propose`), a person reads and edits it as `map.yaml`, and `map confirm` records its
/// SHA-256 in the ledger. Nothing is written to Twenty under a map whose hash was not confirmed.
public struct FieldMap: Sendable, Equatable {
    /// The version of the map.yaml format, so a later tool can read an older map.
    public var formatVersion: Int
    /// Where the targets came from: a live workspace or the built-in description of a Twenty version.
    public var twenty: TwentyTarget
    public var defaults: MapDefaults
    public var policies: MapPolicies
    public var owners: OwnerMap
    public var objects: [ObjectMap]
    /// Exclusion rules by name (the audit's rules, e.g. `stale-contacts`), applied before transforming.
    public var exclusions: [String]

    public init(
        formatVersion: Int = 1, twenty: TwentyTarget, defaults: MapDefaults = .init(), policies: MapPolicies = .init(),
        owners: OwnerMap = .init(), objects: [ObjectMap] = [], exclusions: [String] = []
    ) {
        self.formatVersion = formatVersion
        self.twenty = twenty
        self.defaults = defaults
        self.policies = policies
        self.owners = owners
        self.objects = objects
        self.exclusions = exclusions
    }

    public func object(source: String) -> ObjectMap? { objects.first { $0.source == source } }
}

/// The workspace the map was proposed against.
public struct TwentyTarget: Sendable, Equatable {
    /// The workspace URL when targets were read from its metadata; nil for the built-in description.
    public var url: String?
    /// The data-model generation targeted (task/note target and attachment field names differ).
    public var version: TwentyVersion

    public init(url: String? = nil, version: TwentyVersion = .v2) {
        self.url = url
        self.version = version
    }
}

/// Values the transforms need when a record does not say.
public struct MapDefaults: Sendable, Equatable {
    /// IANA time zone for dates and datetimes written without an offset.
    public var timeZone: String
    /// ISO 3166-1 alpha-2 country for phone numbers written without a calling code.
    public var country: String
    /// ISO 4217 code for amounts whose record carries no currency.
    public var currency: String

    public init(timeZone: String = "UTC", country: String = "US", currency: String = "USD") {
        self.timeZone = timeZone
        self.country = country
        self.currency = currency
    }
}

/// What to do when the data does not fit, decided by a person in the map rather than by the tool.
public struct MapPolicies: Sendable, Equatable {
    /// A record that matches a record already in the workspace on a unique field (email, domain): the policy of
    /// every object whose map does not name its own (`onCollision`).
    public typealias Duplicates = CollisionPolicy
    /// A phone number Twenty's libphonenumber check would refuse.
    public enum InvalidPhone: String, Sendable, CaseIterable {
        /// Write the raw text into a custom text field (named in `invalidPhoneField`) and leave `phones` empty.
        case keepAsText
        case drop
        case reject
    }
    /// A reference to a parent that is missing from the export or was rejected.
    public enum MissingParent: String, Sendable, CaseIterable {
        case reject
        case dropLink
    }
    /// Two records of one export that collide on a unique field.
    public enum DuplicateInExport: String, Sendable, CaseIterable {
        /// Keep the first in file order; reject the later ones, naming the first.
        case keepFirst
        /// Reject every record of the collision.
        case rejectAll
    }

    public var duplicates: Duplicates
    public var invalidPhone: InvalidPhone
    /// The custom TEXT field that receives an unparseable phone under `.keepAsText`.
    public var invalidPhoneField: String
    public var missingParent: MissingParent
    public var duplicateInExport: DuplicateInExport

    public init(
        duplicates: Duplicates = .fail, invalidPhone: InvalidPhone = .keepAsText,
        invalidPhoneField: String = "phoneText",
        missingParent: MissingParent = .dropLink, duplicateInExport: DuplicateInExport = .keepFirst
    ) {
        self.duplicates = duplicates
        self.invalidPhone = invalidPhone
        self.invalidPhoneField = invalidPhoneField
        self.missingParent = missingParent
        self.duplicateInExport = duplicateInExport
    }
}

/// Source owners (Allegory users, by email) to Twenty workspace members (by their `userEmail`).
public struct OwnerMap: Sendable, Equatable {
    /// Source email -> workspace member email, in the source's order.
    public var members: [ValueMapping]
    /// The member that receives records whose owner has no match; nil leaves such records without an owner.
    public var fallback: String?

    public init(members: [ValueMapping] = [], fallback: String? = nil) {
        self.members = members
        self.fallback = fallback
    }
}
