import CanonicalJSON
import Foundation

/// A GraphQL multipart request (the spec Twenty's `/metadata` uploads follow): an `operations` part with the query
/// and `variables.file` null, a `map` part saying which part fills it, and the file part. The file's bytes are
/// copied once, into the body; multipart uploads are capped (5 MB on v2), so that copy stays small on v2.
enum MultipartBody {
    static func make(
        operations: JSONValue, source: UploadSource, filename: String, contentType: String, boundary: String
    ) throws -> Data {
        var body = Data()
        func text(_ string: String) { body.append(contentsOf: Array(string.utf8)) }
        text("--\(boundary)\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n")
        text(operations.canonicalText)
        text("\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n")
        text(#"{"0":["variables.file"]}"#)
        text("\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"0\"; filename=\"\(quoted(filename))\"\r\n")
        text("Content-Type: \(contentType)\r\n\r\n")
        try source.forEachChunk { body.append($0) }
        text("\r\n--\(boundary)--\r\n")
        return body
    }

    /// A boundary that cannot occur in the file by chance (a random UUID; the spec needs it absent from the parts).
    static func boundary() -> String { "crm-migrate-\(UUID().uuidString)" }

    /// A header parameter cannot hold a quote or a line break: they would end it early.
    static func quoted(_ filename: String) -> String {
        filename.replacingOccurrences(of: "\"", with: "%22").replacingOccurrences(of: "\r", with: "")
            .replacingOccurrences(of: "\n", with: "")
    }
}
