import Hummingbird
import TwentySandbox

/// HTTP messages to and from the engine's transport-free exchanges.
enum ExchangeConversion {
    /// Header names lower-cased; a header sent more than once is joined with ", " as HTTP allows.
    static func headers(of request: Request) -> [String: String] {
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            if let existing = headers[name] {
                headers[name] = existing + ", " + field.value
            } else {
                headers[name] = field.value
            }
        }
        return headers
    }

    static func response(from exchange: SandboxResponse) -> Response {
        var headers = HTTPFields()
        for header in exchange.headers {
            // A name HTTP cannot carry is dropped rather than sent malformed.
            guard let name = HeaderName(header.name) else { continue }
            headers.append(HeaderField(name: name, value: header.value))
        }
        if headers[.contentType] == nil, !exchange.body.isEmpty {
            headers[.contentType] = "application/json; charset=utf-8"
        }
        return Response(
            status: HTTPResponse.Status(code: exchange.status), headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: exchange.body)))
    }
}
