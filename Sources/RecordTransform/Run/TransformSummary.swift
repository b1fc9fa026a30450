/// What a transform run found, per object and in total. Conservation: for every object, `source` equals
/// `transformed + rejected + excluded`, counting records settled by earlier runs under the same map.
public struct TransformSummary: Sendable, Equatable {
    public struct ObjectCounts: Sendable, Equatable {
        public let object: String
        public let target: String
        public var source = 0
        public var transformed = 0
        public var rejected = 0
        public var excluded = 0
        /// Of the above, records whose outcome an earlier run under the same map recorded (no new event).
        public var alreadySettled = 0

        public var balances: Bool { source == transformed + rejected + excluded }
    }

    public var objects: [ObjectCounts] = []
    /// Rejection reasons by code, over the records rejected in this run and earlier ones under the same map.
    public var reasonsByCode: [String: Int] = [:]
    /// Links left out under `missingParent: dropLink`, by the code they would have been rejected with.
    public var droppedLinks: [String: Int] = [:]
    /// Every link not written in this run (dropped, or a reason of its record's rejection), by code: each is a
    /// `link.unresolved` event with its file, line, column and value.
    public var unresolvedLinks: [String: Int] = [:]
    /// Links written in this run, on the records transformed in it.
    public var linksWritten = 0
    /// Events appended by this run.
    public var newEvents = 0

    public var balances: Bool { objects.allSatisfy(\.balances) }
}
