import CanonicalJSON
import Foundation
import TwentyClient

/// A language model behind an OpenAI-compatible `POST {endpoint}/chat/completions`, asked where columns belong.
/// It is sent column names and a few sample values per column, never whole records.
public struct AssistClient: Sendable {
    public static let samplesPerColumn = 5
    public let endpoint: URL
    public let model: String
    let apiKey: String?
    let transport: any HTTPTransport

    public init(endpoint: URL, model: String, apiKey: String?, transport: any HTTPTransport = URLSessionTransport()) {
        self.endpoint = endpoint
        self.model = model
        self.apiKey = apiKey
        self.transport = transport
    }

    /// One suggestion: a column of an object, the Twenty field path it should write, and why.
    public struct Suggestion: Sendable, Equatable {
        public var object: String
        public var column: String
        public var target: String
        public var transform: Transform
        public var confidence: Double
        public var reason: String
    }

    /// The question for one object: its Twenty target's writable fields, and each column with a few sample values.
    public struct Question: Sendable {
        public var object: String
        public var target: String
        public var fields: [String]
        public var columns: [(name: String, samples: [String])]
    }

    public func suggest(_ questions: [Question]) async throws -> [Suggestion] {
        let prompt = Self.prompt(questions)
        let body: JSONValue = [
            "model": .string(model), "temperature": 0,
            "messages": [
                [
                    "role": "system",
                    "content": .string(Self.instructions),
                ],
                ["role": "user", "content": .string(prompt)],
            ],
        ]
        var headers = ["Content-Type": "application/json"]
        if let apiKey { headers["Authorization"] = "Bearer \(apiKey)" }
        let url = endpoint.appendingPathComponent("chat/completions")
        let response = try await transport.send(
            HTTPRequest(method: "POST", url: url, headers: headers, body: Data(body.canonicalText.utf8)))
        guard response.status == 200 else { throw AssistError.status(url.absoluteString, response.status) }
        let answer = try JSONValue(parsing: response.body)
        guard case .array(let choices)? = answer["choices"],
            let content = choices.first?["message"]?["content"]?.stringValue
        else { throw AssistError.unreadable("no choices[0].message.content in the answer") }
        return try Self.suggestions(fromContent: content)
    }

    static let instructions = """
        You map CRM export columns to Twenty CRM fields. Answer only JSON: {"suggestions":[{"object":..,"column":..,\
        "target":"field or field.subfield","transform":one of \(Transform.allCases.map(\.rawValue).joined(separator: "|")),\
        "confidence":0..1,"reason":..}]}
        """

    /// Column names and sample values only: what leaves the machine.
    static func prompt(_ questions: [Question]) -> String {
        var lines: [String] = []
        for question in questions {
            lines.append(
                "Object \(question.object) -> Twenty \(question.target); fields: \(question.fields.joined(separator: ", "))"
            )
            for column in question.columns {
                let samples = column.samples.prefix(samplesPerColumn).map { "\"\($0.prefix(60))\"" }.joined(
                    separator: ", ")
                lines.append("  column \"\(column.name)\": \(samples)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The JSON inside the model's answer, tolerating a Markdown code fence around it.
    static func suggestions(fromContent content: String) throws -> [Suggestion] {
        var text = content.trimmingCharacters(in: .whitespacesAndNewlines)
        if let start = text.firstIndex(of: "{"), let end = text.lastIndex(of: "}") { text = String(text[start...end]) }
        let json: JSONValue
        do { json = try JSONValue(parsing: Array(text.utf8)) } catch {
            throw AssistError.unreadable("the content is not JSON: \(error)")
        }
        guard case .array(let items)? = json["suggestions"] else {
            throw AssistError.unreadable("no suggestions array")
        }
        return items.compactMap { item in
            guard let object = item["object"]?.stringValue, let column = item["column"]?.stringValue,
                let target = item["target"]?.stringValue,
                let transform = item["transform"]?.stringValue.flatMap(Transform.init)
            else { return nil }
            let confidence: Double
            switch item["confidence"] {
            case .number(let value)?: confidence = value
            case .integer(let value)?: confidence = Double(value)
            default: confidence = 0.5
            }
            return Suggestion(
                object: object, column: column, target: target, transform: transform,
                confidence: min(1, max(0, confidence)), reason: item["reason"]?.stringValue ?? "")
        }
    }
}

public enum AssistError: Error, CustomStringConvertible, Sendable {
    case status(String, Int)
    case unreadable(String)

    public var description: String {
        switch self {
        case .status(let url, let status): "the assist endpoint \(url) answered \(status)"
        case .unreadable(let reason): "cannot read the assist's answer: \(reason)"
        }
    }
}
