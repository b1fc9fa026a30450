/// How a refusal for the rate limit reads, as the two engines of today's Twenty answer it (TWENTY_API.md section 11,
/// chosen per workspace by the `IS_API_RATE_LIMIT_V2_ENABLED` flag).
public enum RateLimitStyle: String, Sendable, CaseIterable {
    /// The default engine: a bare 429 with no `Retry-After` or `X-RateLimit-*` headers and the throttler's message,
    /// `Limit reached (100 tokens per 60000 ms)` (`S/engine/core-modules/throttler/throttler.service.ts`, thrown as an
    /// HttpException by `throttler-to-rest-api-exception-handler.util.ts`). A client must pace itself.
    case legacy
    /// The usage-limit engine: `Retry-After`, `X-RateLimit-*` and a JSON body with the limit and the wait.
    case v2
}
