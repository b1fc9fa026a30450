import CanonicalJSON

/// RICH_TEXT_V2 values: a client sends `markdown` or `blocknote` and Twenty fills the other
/// (`S/engine/core-modules/record-transformer/utils/transform-rich-text-v2.util.ts` converts with BlockNote's
/// server editor). The sandbox converts paragraph by paragraph: enough for text to survive both ways, not
/// BlockNote's full formatting.
enum RichText {
    static func blocknote(fromMarkdown markdown: String) -> String {
        let paragraphs = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let blocks: [JSONValue] = paragraphs.map { line in
            [
                "type": "paragraph", "props": [:], "children": [],
                "content": line.isEmpty ? [] : [["type": "text", "text": .string(line), "styles": [:]]],
            ]
        }
        return JSONValue.array(blocks).canonicalText
    }

    static func markdown(fromBlocknote blocknote: String) -> String? {
        guard case .array(let blocks)? = try? JSONParser.parse(Array(blocknote.utf8)) else { return nil }
        return blocks.map(text(of:)).joined(separator: "\n")
    }

    private static func text(of block: JSONValue) -> String {
        var parts: [String] = []
        if case .array(let content)? = block["content"] {
            for item in content { if let text = item["text"]?.stringValue { parts.append(text) } }
        } else if let text = block["text"]?.stringValue {
            parts.append(text)
        }
        return parts.joined()
    }
}
