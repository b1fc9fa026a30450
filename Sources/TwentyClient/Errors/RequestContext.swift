/// What a request was about, so a failure can be told in the words of the record: which object, and the values of
/// its unique fields (`emails.primaryEmail` -> `x@y`) that a duplicate could be about.
public struct RequestContext: Sendable, Equatable {
    /// The object's singular name (`person`).
    public var object: String
    /// Field paths (`emails.primaryEmail`, `domainName.primaryLinkUrl`, `allegoryId`) and the values sent.
    public var values: [String: String]

    public init(object: String, values: [String: String] = [:]) {
        self.object = object
        self.values = values
    }
}
