import Ledger

/// Every link a transform under one map will not write, read back from its `link.unresolved` events, as the CSV a
/// person fixes the source from: file, line, record, column, value, what it should point at, and why it cannot.
public enum UnresolvedLinksReport {
    public static let header = [
        "file", "line", "object", "source_id", "column", "value", "target_object", "code", "outcome", "message",
    ]

    /// The CSV text, one row per link, in the order the events were recorded.
    public static func csv(ledger: Ledger, mapSha256: String) throws -> (text: String, rows: Int) {
        var lines = [header.joined(separator: ",")]
        try ledger.events(matching: EventFilter(type: EventType.linkUnresolved.rawValue)) { event in
            guard case .linkUnresolved(let link) = try event.decoded(), link.mapSha256 == mapSha256 else { return }
            let cells = [
                link.file, String(link.line), link.object ?? "", link.sourceId ?? "", link.column, link.value,
                link.targetObject,
                link.code, link.outcome, link.message,
            ]
            lines.append(cells.map(Self.quoted).joined(separator: ","))
        }
        return (lines.joined(separator: "\n") + "\n", lines.count - 1)
    }

    /// RFC 4180 quoting; a cell starting with `= + - @` is prefixed with `'` so a spreadsheet shows it as text.
    static func quoted(_ cell: String) -> String {
        var text = cell
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
