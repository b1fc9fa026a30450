import Hummingbird

/// HTTPTypes' field types, reached through the `HTTPFields` Hummingbird re-exports (the package does not depend on
/// swift-http-types directly).
typealias HeaderField = HTTPFields.Element
typealias HeaderName = HTTPFields.Element.Name

extension HeaderName {
    /// Twenty's rate-limit headers (usage-limit/utils/build-rate-limit-response-headers.util.ts).
    static let rateLimitLimit = HeaderName("X-RateLimit-Limit")!
    static let rateLimitRemaining = HeaderName("X-RateLimit-Remaining")!
    static let rateLimitReset = HeaderName("X-RateLimit-Reset")!
}
