import AllegoryExport
import Foundation
import Testing
import TwentyClient

@testable import FieldMap

/// An OpenAI-compatible endpoint that answers one canned completion and keeps what it was sent.
final class FakeCompletions: HTTPTransport, @unchecked Sendable {
    let content: String
    private let lock = NSLock()
    private var sent: [HTTPRequest] = []

    init(content: String) { self.content = content }

    var requests: [HTTPRequest] { lock.withLock { sent } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock { sent.append(request) }
        let answer: [String: Any] = ["choices": [["message": ["role": "assistant", "content": content]]]]
        return HTTPResponse(status: 200, body: try JSONSerialization.data(withJSONObject: answer))
    }
}

@Suite("Assist")
struct AssistTests {
    @Test("a language model's suggestion fills a gap with its own reason, and only column names and samples are sent")
    func mergesSuggestion() async throws {
        let export = try GeneratedExport()
        let proposal = try export.propose()
        let content = """
            ```json
            {"suggestions":[{"object":"contacts","column":"Newsletter","target":"jobTitle","transform":"text","confidence":0.7,"reason":"test"},
            {"object":"contacts","column":"Lead Source","target":"noSuchField","transform":"text","confidence":0.99,"reason":"bad"}]}
            ```
            """
        let fake = FakeCompletions(content: content)
        let client = AssistClient(
            endpoint: URL(string: "http://127.0.0.1:9/v1")!, model: "m", apiKey: "k", transport: fake)
        let merged = try await AssistMerge.apply(
            client: client, to: proposal.map, samples: proposal.samples, catalog: .builtIn())
        #expect(merged.received == 2)
        let field = merged.map.object(source: "contacts")?.fields.first { $0.column == "Newsletter" }
        // jobTitle is taken by Job Title, so the suggestion is not adopted; the invalid one neither.
        #expect(merged.adopted == 0)
        #expect(field?.target == "newsletterSubscriber")
        let request = try #require(fake.requests.first)
        #expect(request.url.absoluteString == "http://127.0.0.1:9/v1/chat/completions")
        #expect(request.headers["Authorization"] == "Bearer k")
        let body = String(decoding: request.body ?? Data(), as: UTF8.self)
        #expect(body.contains("column \\\"Email\\\""))
        #expect(!body.contains("C000001,"))
    }

    @Test(
        "over a real loopback port a suggestion is merged with its reason, and the request held only column names and samples"
    )
    func loopbackEndpoint() async throws {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "fieldmap-assist-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let header = ["Contact ID", "First Name", "Last Name", "Email", "X Profile"]
        let firstNames = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken"]
        let rows = (1...40).map { n in
            let first = firstNames[n % firstNames.count]
            return [
                "C\(1000 + n)", first, "Tester\(n)", "\(first.lowercased()).\(n)@example.org",
                "https://x.com/\(first.lowercased())_\(n)",
            ]
        }
        let csv = ([header] + rows).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
        try csv.write(to: root.appendingPathComponent("contacts.csv"), atomically: true, encoding: .utf8)
        let proposal = try MapProposer(layout: try ExportLayout(root: root), catalog: .builtIn()).propose()
        let proposed = try #require(proposal.map.object(source: "contacts")?.fields.first { $0.column == "X Profile" })
        #expect(proposed.newField != nil, "without the model, X Profile becomes a new custom field")

        let server = try LoopbackCompletionsServer(
            content: """
                {"suggestions":[{"object":"contacts","column":"X Profile","target":"xLink.primaryLinkUrl","transform":"url",\
                "confidence":0.8,"reason":"profile URLs on x.com belong in Twenty's X link"}]}
                """)
        defer { server.stop() }
        let client = AssistClient(
            endpoint: server.baseURL, model: "test-model", apiKey: "test-key",
            transport: URLSessionTransport(timeout: 30))
        let merged = try await AssistMerge.apply(
            client: client, to: proposal.map, samples: proposal.samples, catalog: .builtIn())

        #expect(merged.received == 1)
        #expect(merged.adopted == 1)
        let field = try #require(merged.map.object(source: "contacts")?.fields.first { $0.column == "X Profile" })
        #expect(field.target == "xLink.primaryLinkUrl")
        #expect(field.transform == .url)
        #expect(field.newField == nil)
        #expect(
            field.reasons.first
                == "language model suggested xLink.primaryLinkUrl: profile URLs on x.com belong in Twenty's X link")

        let request = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(request.method == "POST")
        #expect(request.path == "/v1/chat/completions")
        #expect(request.headers["authorization"] == "Bearer test-key")
        let body = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
        #expect(Set(body.keys) == ["model", "temperature", "messages"])
        let messages = try #require(body["messages"] as? [[String: Any]])
        let prompt = try #require(messages.last?["content"] as? String)
        // Every line names the object or one column with a few of that column's own values: nothing of a record
        // travels together, so no line can hold a person's name beside their email.
        var columnsSent: [String] = []
        for line in prompt.split(separator: "\n").map(String.init) {
            if line.hasPrefix("Object contacts -> Twenty person; fields: ") { continue }
            let column = try #require(line.firstMatch(of: /^  column "([^"]*)": (.*)$/), "unexpected line \(line)")
            let name = String(column.output.1)
            let index = try #require(header.firstIndex(of: name))
            let samples = String(column.output.2).matches(of: /"([^"]*)"/).map { String($0.output.1) }
            #expect(!samples.isEmpty && samples.count <= AssistClient.samplesPerColumn)
            for sample in samples {
                #expect(rows.contains { $0[index] == sample }, "\(sample) is not a value of \(name)")
            }
            columnsSent.append(name)
        }
        #expect(columnsSent == header)
        let sent = String(decoding: request.body, as: UTF8.self)
        for row in rows { #expect(!sent.contains(row.joined(separator: ","))) }
    }

    @Test("a suggestion that beats a weak proposal replaces it with the model's reason")
    func replacesWeakProposal() throws {
        var map = FieldMap(twenty: TwentyTarget())
        map.objects = [
            ObjectMap(
                source: "contacts", file: "contacts.csv", key: "ID", target: "person", confidence: 1, reasons: [],
                fields: [
                    FieldMapping(
                        column: "Notes 2", target: "notes2", transform: .text, confidence: 0.6, reasons: ["x"],
                        newField: NewField(name: "notes2", label: "Notes 2", type: .text))
                ])
        ]
        let suggestion = AssistClient.Suggestion(
            object: "contacts", column: "Notes 2", target: "jobTitle", transform: .text, confidence: 0.8,
            reason: "titles")
        let merged = AssistMerge.merge([suggestion], into: map, catalog: .builtIn())
        #expect(merged.adopted == 1)
        #expect(merged.map.objects[0].fields[0].target == "jobTitle")
        #expect(merged.map.objects[0].fields[0].reasons.first == "language model suggested jobTitle: titles")
    }
}
