extension MapReview {
    /// A self-contained page (no scripts, no external files) a person can open from the reports folder.
    public func html(projectName: String, mapSha256: String) -> String {
        var body = ""
        for row in rows {
            let level = row.confidence >= 0.85 ? "high" : row.confidence >= 0.6 ? "mid" : "low"
            let samples = row.samples.map {
                "<div>\(escape($0.source))<span class=arrow> &rarr; </span><b>\(escape($0.transformed))</b></div>"
            }
            .joined()
            body += """
                <tr class=\(level)><td>\(String(format: "%.2f", row.confidence))</td><td>\(escape(row.object))</td>\
                <td>\(escape(row.column))</td><td>\(escape(row.target))</td><td>\(escape(row.transform))</td>\
                <td>\(samples)</td><td>\(row.reasons.map(escape).joined(separator: "<br>"))</td></tr>

                """
        }
        return """
            <!doctype html><html><head><meta charset="utf-8"><title>Field map review: \(escape(projectName))</title>
            <style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse;width:100%}
            td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}th{background:#f4f4f4}
            tr.low td:first-child{background:#f8d7da}tr.mid td:first-child{background:#fff3cd}
            tr.high td:first-child{background:#d4edda}.arrow{color:#888}</style></head><body>
            <h1>Field map review: \(escape(projectName))</h1>
            <p>map.yaml sha256 <code>\(escape(mapSha256))</code>. Lowest confidence first. \(escape(transformNote))</p>
            <ul>\(collisions.map { "<li>\(escape(Self.collisionLine($0.object, $0.target, $0.policy)))</li>" }.joined())</ul>
            <p>Edit map.yaml, then confirm it with <code>crm-migrate map confirm --by NAME</code>.</p>
            <table><tr><th>confidence</th><th>object</th><th>column</th><th>Twenty target</th><th>transform</th>
            <th>sample values &rarr; transformed</th><th>why</th></tr>
            \(body)</table></body></html>
            """
    }

    func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
