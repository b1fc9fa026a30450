import Foundation

/// Note and task bodies for `bodyV2.markdown` (Twenty fills `blocknote` from it). HTML bodies are converted:
/// paragraphs and divs become blocks, `br` a hard line break, `b`/`strong` `**`, `i`/`em` `*`, `a` a link,
/// `ul`/`ol`/`li` lists (nested by indentation), `h1`-`h6` headings, entities decoded; scripts, styles and
/// comments are dropped with their content, other tags keep only their text. A body without tags is plain text
/// and passes through unchanged, so a `*` someone typed is not turned into markup.
public enum HTMLToMarkdown {
    public static func isHTML(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == UInt8(ascii: "<"),
                Text.isLetter(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!")
            {
                return text.contains(">")
            }
            previous = byte
        }
        return false
    }

    public static func markdown(_ body: String) -> String {
        guard isHTML(body) else { return Text.trimmed(body) }
        var converter = Converter()
        converter.run(Array(body.unicodeScalars))
        return converter.finish()
    }

    private struct Converter {
        var out = ""
        var pendingSpace = false
        var lists: [(ordered: Bool, next: Int)] = []
        var links: [String?] = []
        var skipping: String?

        mutating func run(_ s: [Unicode.Scalar]) {
            var i = 0
            var text = ""
            while i < s.count {
                if s[i] == "<" {
                    if let end = tagEnd(s, from: i) {
                        flushText(&text)
                        handleTag(String(String.UnicodeScalarView(s[(i + 1)..<end])))
                        i = end + 1
                        continue
                    }
                }
                if skipping == nil { text.unicodeScalars.append(s[i]) }
                i += 1
            }
            flushText(&text)
        }

        /// The index of the `>` closing the tag opened at `start`, skipping comments whole.
        func tagEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
            guard start + 1 < s.count else { return nil }
            let next = s[start + 1]
            guard next.properties.isAlphabetic || next == "/" || next == "!" else { return nil }
            if start + 3 < s.count, next == "!", s[start + 2] == "-", s[start + 3] == "-" {
                var j = start + 4
                while j + 2 < s.count {
                    if s[j] == "-", s[j + 1] == "-", s[j + 2] == ">" { return j + 2 }
                    j += 1
                }
                return s.count - 1
            }
            var quote: Unicode.Scalar?
            var j = start + 1
            while j < s.count {
                if let q = quote {
                    if s[j] == q { quote = nil }
                } else if s[j] == "\"" || s[j] == "'" {
                    quote = s[j]
                } else if s[j] == ">" {
                    return j
                }
                j += 1
            }
            return nil
        }

        mutating func flushText(_ text: inout String) {
            defer { text = "" }
            guard skipping == nil, !text.isEmpty else { return }
            let decoded = Entities.decode(text)
            for character in decoded {
                if character.isWhitespace {
                    pendingSpace = true
                    continue
                }
                if pendingSpace, !out.isEmpty, !out.hasSuffix("\n"), !out.hasSuffix(" ") { out.append(" ") }
                pendingSpace = false
                if "\\*_`[]".contains(character) { out.append("\\") }
                out.append(character)
            }
        }

        mutating func handleTag(_ raw: String) {
            if raw.hasPrefix("!") { return }
            let closing = raw.hasPrefix("/")
            let body = closing ? String(raw.dropFirst()) : raw
            let name = String(body.prefix { $0.isLetter || $0.isNumber }).lowercased()
            if let skipped = skipping {
                if closing, name == skipped { skipping = nil }
                return
            }
            switch name {
            case "script", "style", "head", "title":
                if !closing, !body.hasSuffix("/") { skipping = name }
            case "p", "div", "blockquote", "section", "article", "table", "tr":
                block()
            case "br":
                out.append("  \n")
                pendingSpace = false
            case "b", "strong":
                inline("**")
            case "i", "em":
                inline("*")
            case "h1", "h2", "h3", "h4", "h5", "h6":
                block()
                if !closing { out.append(String(repeating: "#", count: Int(String(name.last!))!) + " ") }
            case "ul", "ol":
                if closing {
                    _ = lists.popLast()
                    if lists.isEmpty { block() }
                } else {
                    if lists.isEmpty { block() }
                    lists.append((name == "ol", 1))
                }
            case "li":
                guard !closing else { return }
                if !out.isEmpty, !out.hasSuffix("\n") { out.append("\n") }
                let depth = max(lists.count, 1)
                out.append(String(repeating: "  ", count: depth - 1))
                if let last = lists.last, last.ordered {
                    out.append("\(last.next). ")
                    lists[lists.count - 1].next += 1
                } else {
                    out.append("- ")
                }
                pendingSpace = false
            case "a":
                if closing {
                    if let href = links.popLast(), let href { out.append("](\(href))") }
                } else {
                    let href = Self.attribute("href", in: body).map(Entities.decode)
                    if pendingSpace, !out.isEmpty, !out.hasSuffix("\n"), !out.hasSuffix(" ") { out.append(" ") }
                    pendingSpace = false
                    links.append(href)
                    if href != nil { out.append("[") }
                }
            default:
                break
            }
        }

        mutating func inline(_ marker: String) {
            if pendingSpace, !out.isEmpty, !out.hasSuffix("\n"), !out.hasSuffix(" ") { out.append(" ") }
            pendingSpace = false
            out.append(marker)
        }

        mutating func block() {
            pendingSpace = false
            while out.hasSuffix(" ") { out.removeLast() }
            guard !out.isEmpty else { return }
            if !out.hasSuffix("\n\n") { out.append(out.hasSuffix("\n") ? "\n" : "\n\n") }
        }

        static func attribute(_ name: String, in tag: String) -> String? {
            guard let range = tag.range(of: name + "=", options: .caseInsensitive) else { return nil }
            let rest = tag[range.upperBound...]
            guard let first = rest.first else { return nil }
            if first == "\"" || first == "'" {
                let value = rest.dropFirst().prefix { $0 != first }
                return String(value)
            }
            return String(rest.prefix { !$0.isWhitespace && $0 != ">" })
        }

        func finish() -> String {
            var result = out
            while result.contains("\n\n\n") { result = result.replacingOccurrences(of: "\n\n\n", with: "\n\n") }
            return result.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}

/// HTML character references: the named ones CRM bodies use, and every numeric one.
enum Entities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "euro": "€", "pound": "£", "yen": "¥",
        "copy": "©", "reg": "®", "trade": "™", "deg": "°", "middot": "·", "bull": "•", "times": "×", "eacute": "é",
        "egrave": "è", "agrave": "à", "uuml": "ü", "ouml": "ö", "auml": "ä", "szlig": "ß", "ccedil": "ç",
    ]

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(12).firstIndex(of: ";") {
                let name = String(after[..<semi])
                if let value = resolve(name) {
                    out += value
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }

    private static func resolve(_ name: String) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let code =
                digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return code.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        return named[name] ?? named[name.lowercased()]
    }
}
