import CanonicalJSON

/// `sample.approved`: a person looked at the sample migration of the map whose hash is `mapSha256` (its field-level
/// diff) and approved it; `run` refuses to start until the current map has one.
public struct SampleApproved: EventPayload {
    public static let type = EventType.sampleApproved
    public var mapSha256: String
    /// Who approved, as they named themselves (`--by`).
    public var by: String
    /// The `run_id` of the sample run that was looked at.
    public var sampleRunId: String

    public init(mapSha256: String, by: String, sampleRunId: String) {
        self.mapSha256 = mapSha256
        self.by = by
        self.sampleRunId = sampleRunId
    }
}
