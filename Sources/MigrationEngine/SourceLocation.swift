import Ledger

/// Where a source record was read (`contacts.csv:12`), from its latest `record.extracted`: reports built from what
/// Twenty holds know a record by its id, and a person fixing the source needs the file and line.
public enum SourceLocation {
    static func key(_ object: String, _ sourceId: String) -> String { object + "\u{1F}" + sourceId }

    /// `file:line` for each of `records` the ledger extracted, keyed for `SampleDiffReport.locations` and
    /// `ReconciliationReport.locations`; a record the ledger never extracted has no entry.
    public static func find(_ records: [(object: String, sourceId: String)], in ledger: Ledger) throws -> [String:
        String]
    {
        var found: [String: String] = [:]
        for record in records where found[key(record.object, record.sourceId)] == nil {
            let filter = EventFilter(
                type: EventType.recordExtracted.rawValue, object: record.object, sourceId: record.sourceId)
            try ledger.events(matching: filter) { event in
                if case .recordExtracted(let extracted) = try event.decoded() {
                    found[key(record.object, record.sourceId)] = "\(extracted.file):\(extracted.line)"
                }
            }
        }
        return found
    }
}
