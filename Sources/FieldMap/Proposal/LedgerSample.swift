import ExportUnderstanding
import Ledger

/// The first records of a file as the latest snapshot recorded them: what the proposal and the review sample when
/// they work from a project's ledger, so they see exactly what was snapshotted (and identified), not a folder that
/// may have changed since, and need no second read of the export.
public enum LedgerSample {
    /// Stops the ledger's walk once the sample is full.
    private struct Full: Error {}

    public static func read(_ file: FileUnderstanding, from ledger: Ledger, limit: Int) throws -> SourceSample {
        let header = file.columns.map(\.name)
        var rows: [[String]] = []
        var complete = true
        do {
            try ledger.forEachCurrentRecord(object: file.object) { record in
                guard rows.count < limit else {
                    complete = false
                    throw Full()
                }
                rows.append(header.map { record.values[$0] ?? "" })
            }
        } catch is Full {}
        return SourceSample(file: file.path, object: file.object, header: header, rows: rows, isWholeFile: complete)
    }
}
