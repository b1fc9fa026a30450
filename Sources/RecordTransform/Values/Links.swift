import ValueRules

/// URLs for LINKS fields by ValueRules' WebAddressRule (https added, lower-case scheme and host, no trailing
/// slash; only http and https to a real host), and the domain of a company's website by its DomainRule.
public enum Links {
    public static func url(_ raw: String) -> Result<String, ValueRejection> {
        WebAddressRule.normalize(raw).mapError { rejection in
            ValueRejection(.invalidURL, "\(Text.quoted(raw)) is not a web address: \(rejection)")
        }
    }

    /// The domain a URL names, for comparing companies: the host without `www.`, lower-cased.
    public static func domain(ofURL url: String) -> String { DomainRule.domain(ofWebsite: url) }
}
