/// A `multipart/form-data` body split into its parts: what the GraphQL multipart request spec
/// (operations, map, files) that Twenty's `/metadata` upload uses arrives as.
struct MultipartForm {
    struct Part {
        let name: String
        let filename: String?
        let contentType: String?
        let bytes: [UInt8]
    }

    let parts: [Part]

    init(body: [UInt8], contentType: String) throws {
        guard let range = contentType.range(of: "boundary=") else {
            throw SandboxError.badRequest("A file upload must be multipart/form-data with a boundary")
        }
        var boundary = String(contentType[range.upperBound...])
        if let end = boundary.firstIndex(of: ";") { boundary = String(boundary[..<end]) }
        boundary = boundary.trimmingQuotes
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [Part] = []
        var cursor = Self.find(delimiter, in: body, from: 0)
        while let start = cursor {
            var contentStart = start + delimiter.count
            if body.count >= contentStart + 2, body[contentStart] == 0x2D, body[contentStart + 1] == 0x2D { break }
            contentStart += 2  // CRLF after the delimiter
            guard let headerEnd = Self.find(Array("\r\n\r\n".utf8), in: body, from: contentStart),
                let next = Self.find(Array("\r\n".utf8) + delimiter, in: body, from: headerEnd)
            else { throw SandboxError.badRequest("Malformed multipart body") }
            let headers = String(decoding: body[contentStart..<headerEnd], as: UTF8.self)
            parts.append(
                Part(
                    name: Self.parameter("name", in: headers) ?? "", filename: Self.parameter("filename", in: headers),
                    contentType: Self.header("content-type", in: headers),
                    bytes: Array(body[(headerEnd + 4)..<next])))
            cursor = next + 2
        }
        self.parts = parts
    }

    func part(named name: String) -> Part? { parts.first { $0.name == name } }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count > 0, haystack.count >= needle.count, start <= haystack.count - needle.count else {
            return nil
        }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0] && haystack[index..<index + needle.count].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func parameter(_ name: String, in headers: String) -> String? {
        for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition") {
            for item in line.split(separator: ";").map({ String($0).trimmedWhitespace })
            where item.hasPrefix(name + "=") {
                return String(item.dropFirst(name.count + 1)).trimmingQuotes
            }
        }
        return nil
    }

    private static func header(_ name: String, in headers: String) -> String? {
        for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix(name + ":") {
            return String(line.dropFirst(name.count + 1)).trimmedWhitespace
        }
        return nil
    }
}

extension String {
    var trimmingQuotes: String {
        hasPrefix("\"") && hasSuffix("\"") && count >= 2 ? String(dropFirst().dropLast()) : self
    }
}
