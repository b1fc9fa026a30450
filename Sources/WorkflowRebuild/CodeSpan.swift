import Foundation
import Reports

/// Twenty names inside a step's words (`opportunity.updated`, `taskTarget`) are marked with two private-use
/// characters that source text cannot hold (reading removes them): each report escapes everything, then turns
/// the marks into its own code spans, so a hostile workflow name can never open or close one.
enum CodeSpan {
    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"

    static func mark(_ name: String) -> String { "\(open)\(name)\(close)" }

    /// Source text without the marks.
    static func clean(_ text: String) -> String { text.filter { $0 != open && $0 != close } }

    static func html(_ words: String) -> String {
        ReportText.html(words).replacingOccurrences(of: String(open), with: "<code>")
            .replacingOccurrences(of: String(close), with: "</code>")
    }

    /// Markdown: text outside the marks escaped, text inside as a code span (whose content Markdown never reads;
    /// a backtick inside would end it early, so it is shown as a quote).
    static func markdown(_ words: String) -> String {
        var out = ""
        var plain = ""
        var code: String?
        for character in words {
            if character == open {
                out += ReportText.markdown(plain)
                plain = ""
                code = ""
            } else if character == close, let inner = code {
                out +=
                    "`" + inner.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "\n", with: " ") + "`"
                code = nil
            } else if code != nil {
                code!.append(character)
            } else {
                plain.append(character)
            }
        }
        return out + ReportText.markdown(plain + (code ?? ""))
    }
}
