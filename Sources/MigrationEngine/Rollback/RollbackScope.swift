/// What a rollback undoes: the mutations of one run, of one Twenty object, or (neither given) everything the
/// project wrote.
public struct RollbackScope: Sendable, Equatable, CustomStringConvertible {
    public var runId: String?
    /// The Twenty object's singular name (`person`, `company`, a custom object).
    public var object: String?

    public init(runId: String? = nil, object: String? = nil) {
        self.runId = runId
        self.object = object
    }

    public static let everything = RollbackScope()

    public var description: String {
        switch (runId, object) {
        case (nil, nil): "everything this project wrote"
        case (let run?, nil): "the run \(run)"
        case (nil, let object?): "the object \(object)"
        case (let run?, let object?): "the object \(object) in the run \(run)"
        }
    }
}
