/// Why an export could not be written, as one sentence a person can act on.
public enum ForeignExportError: Error, CustomStringConvertible, Equatable {
    case tooFewRecords(Int)
    case folderInUse(String)
    /// The drafted export broke its own promise (a reference that resolves nowhere without a planted defect).
    case inconsistent(String)

    public var description: String {
        switch self {
        case .tooFewRecords(let records):
            "\(records) records are too few to plant every defect without touching a record twice; use at least \(ForeignExportWriter.minimumRecords)."
        case .folderInUse(let path):
            "\(path) already holds files that are not an earlier foreign export (no answer-key.json); choose a new or empty folder."
        case .inconsistent(let detail):
            "The writer made an export its answer key does not describe (\(detail)); please report this with the style and seed."
        }
    }
}
