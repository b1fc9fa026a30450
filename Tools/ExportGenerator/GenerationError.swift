/// Why an export could not be generated, as one sentence a user can act on.
public enum GenerationError: Error, CustomStringConvertible, Sendable {
    case tooFewContacts(requested: Int, minimum: Int)
    case directoryNotEmpty(path: String)
    case cannotCreate(path: String)

    public var description: String {
        switch self {
        case .tooFewContacts(let requested, let minimum):
            "\(requested) contacts are too few to plant every kind of defect; "
                + "ask for at least \(minimum), or use --clean"
        case .directoryNotEmpty(let path):
            "\(path) is not empty and holds no earlier generated export; choose an empty or new directory"
        case .cannotCreate(let path):
            "cannot create \(path)"
        }
    }
}
