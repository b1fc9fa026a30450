import Foundation

extension TwentyClient {
    /// The bytes of a file the workspace stores, for checking an upload against the export's size and hash.
    /// `path` is relative to the workspace (`file/files-field/{fileId}`, `files/{fullPath}`): the sandbox's
    /// download routes. Unpaced, like uploads: Twenty throttles record calls only.
    public func fileBytes(_ path: String) async throws -> Data {
        guard let url = connection.url(path) else {
            throw TwentyError(
                kind: .badRequest, method: "GET", path: path, status: 0, messages: [],
                summary: "\(path) is not a path under the workspace URL")
        }
        let request = HTTPRequest(
            method: "GET", url: url, headers: ["Authorization": "Bearer \(connection.apiKey.secret)"], body: nil)
        return try await deliver(request, path: path, paced: false).body
    }
}
