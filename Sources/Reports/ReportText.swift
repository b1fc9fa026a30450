import Foundation

/// How a value from the source or from Twenty goes into a report a person opens: values are hostile until proven
/// otherwise (an export can hold `<script>`, a right-to-left override that makes `gpj.exe` read `exe.jpg`, or a
/// spreadsheet formula), so every report cell passes through here.
public enum ReportText {
    /// Text safe inside an HTML element or a quoted attribute: markup characters as entities, and bidirectional
    /// controls shown as their code point, since an entity would still reorder the text around it.
    public static func html(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if isBidiControl(scalar) {
                    out += "<span class=\"ctl\">[U+\(String(scalar.value, radix: 16, uppercase: true))]</span>"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// An RFC 4180 cell that a spreadsheet shows as text: a value starting with `= + - @`, a tab or a carriage
    /// return (which spreadsheets read as a formula) gets a leading `'`, as OWASP advises; plain numbers such as
    /// `-12.5` stay numbers, since they cannot run anything.
    public static func csv(_ text: String) -> String {
        var cell = text
        if let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first),
            Double(cell) == nil
        {
            cell = "'" + cell
        }
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Text safe inside a Markdown paragraph, list item or table cell: every character Markdown reads as
    /// syntax inside a line (emphasis, links, code, headings, raw HTML, table pipes) escaped with a backslash, line
    /// breaks as spaces so one value stays on its line (a value never starts a line, so list markers need no
    /// escape), bidirectional controls shown as their code point.
    public static func markdown(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "&": out += "&amp;"
            case "\n", "\r": out += " "
            default:
                if isBidiControl(scalar) {
                    out += "\\[U+\(String(scalar.value, radix: 16, uppercase: true))\\]"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A count with its noun agreeing (`1 record`, `2 records`): the summaries are sentences people read first.
    public static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
    }

    /// The verb agreeing with a count: `were` for 2, `was` for 1.
    public static func verb(_ n: Int, _ singular: String, _ plural: String) -> String { n == 1 ? singular : plural }

    /// The marks and embeddings that reorder displayed text (U+061C, U+200E/F, U+202A-E, U+2066-9).
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
