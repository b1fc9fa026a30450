/// One requested upload of an attachment's bytes, and what became of it.
public struct UploadState: Sendable, Equatable {
    public enum State: String, Sendable {
        /// Requested, no outcome: the process stopped during the upload; Twenty may hold a file we have no id for.
        case inDoubt
        case uploaded
        case failed
    }

    public var request: FileUploadRequested
    public var state: State
    /// The stored file, once uploaded, and the `seq` of that event.
    public var uploaded: FileUploaded?
    public var uploadedSeq: Int64?
}

extension Ledger {
    /// Every upload requested for `sourceObject` (all when nil), oldest first, with its outcome: what a resumed run
    /// reuses instead of uploading again, and what rollback and reconciliation find of the files we put in Twenty.
    public func uploads(sourceObject: String? = nil) throws -> [UploadState] {
        var order: [String] = []
        var byId: [String: UploadState] = [:]
        for type in [EventType.fileUploadRequested, .fileUploaded, .fileUploadFailed] {
            try events(matching: EventFilter(type: type.rawValue, object: sourceObject)) { stored in
                switch try stored.decoded() {
                case .fileUploadRequested(let request):
                    order.append(request.uploadId)
                    byId[request.uploadId] = UploadState(request: request, state: .inDoubt)
                case .fileUploaded(let uploaded):
                    byId[uploaded.uploadId]?.state = .uploaded
                    byId[uploaded.uploadId]?.uploaded = uploaded
                    byId[uploaded.uploadId]?.uploadedSeq = stored.seq
                case .fileUploadFailed(let failed):
                    byId[failed.uploadId]?.state = .failed
                default: break
                }
            }
        }
        return order.compactMap { byId[$0] }
    }
}
