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
    /// Events appended by this run.
    public var newEvents = 0

    public var balances: Bool { objects.allSatisfy(\.balances) }
}
