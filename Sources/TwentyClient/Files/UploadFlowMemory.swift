import Synchronization

/// What a client learned about the workspace's upload flows: once a server answers that it has no
/// `createFileUpload`, later files go straight to multipart instead of asking again for every attachment.
final class UploadFlowMemory: Sendable {
    private let directUploadMissing = Mutex(false)

    var lacksDirectUpload: Bool {
        get { directUploadMissing.withLock { $0 } }
        set { directUploadMissing.withLock { $0 = newValue } }
    }
}
