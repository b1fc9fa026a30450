import CanonicalJSON

extension TwentyClient {
    /// The metadata id of `attachment.file` (the FILES field), which `createFileUpload` and `uploadFilesFieldFile`
    /// take as `fieldMetadataId`; read from `GET /rest/metadata/objects` (unpaced). Call once and pass it to
    /// ``uploadFile(_:filename:contentType:expected:naming:fileFieldMetadataId:options:)``.
    public func attachmentFileFieldId() async throws -> String {
        let metadata = try await get("rest/metadata/objects")
        let objects = (metadata["data"]?["objects"] ?? metadata["objects"] ?? .array([])).items
        let attachment = objects.first { $0["nameSingular"]?.stringValue == "attachment" }
        let field = attachment?["fields"]?.items.first {
            $0["name"]?.stringValue == "file" && $0["type"]?.stringValue == "FILES"
        }
        guard let id = field?["id"]?.stringValue else {
            throw TwentyError(
                kind: .notFound, method: "GET", path: "rest/metadata/objects", status: 200, messages: [],
                summary: "the workspace's attachment object has no FILES field named file, so files cannot be attached")
        }
        return id
    }
}
