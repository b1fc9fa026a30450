import CanonicalJSON

extension FileStore.StoredFile {
    /// A stored FILES upload as the upload mutations answer it (`{id, path, size, createdAt, url}`); the url is
    /// the sandbox's own download route.
    func answer(origin: String) -> JSONValue {
        [
            "id": .string(id), "path": .string("files-field/\(id)"), "size": .integer(Int64(size)),
            "createdAt": .string(createdAt), "url": .string("\(origin)/file/files-field/\(id)"),
        ]
    }
}
