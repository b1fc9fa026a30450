import Crypto
import Foundation

/// Where an export's files are, as it arrived: a folder, or a `.zip` read in place. Every file is named by its path
/// relative to the export's root, with `/`, whatever the container; a zip whose entries all sit under one top-level
/// folder (as most zips are made) has that folder as its root.
///
/// Readers need a file path, so a zip entry is read by extracting it alone to a temporary file that is removed
/// right after (`withLocalFile`), and hashed by streaming its bytes (`fingerprint`); the archive is never unpacked
/// whole, and no more than one entry is on disk at a time.
public final class ExportSource: @unchecked Sendable {
    public enum Container: String, Sendable { case folder, zip }

    /// The folder or the zip, as given.
    public let url: URL
    public let container: Container
    /// The export's regular files, relative to its root, sorted.
    public let files: [String]
    /// The export's `files/` folder, where `attachments.csv` lists paths relative to: the one nearest the root.
    public let attachmentsFolder: String
    private let fileSet: Set<String>
    private let zip: ZipContents?
    /// What identifies the container's state, so a cached source is not used after the export changed.
    fileprivate let stamp: String

    /// Opens a folder, or a file ending in `.zip`.
    public init(url: URL) throws {
        self.url = url
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ExportReadError.cannotOpen(url.path, "no such folder or zip file")
        }
        if isDirectory.boolValue {
            container = .folder
            zip = nil
            files = ExportSource.folderFiles(url)
        } else if url.pathExtension.lowercased() == "zip" {
            let contents = try ZipContents(url: url)
            container = .zip
            zip = contents
            files = contents.files
        } else {
            throw ExportReadError.cannotOpen(url.path, "neither a folder nor a .zip file")
        }
        fileSet = Set(files)
        attachmentsFolder = ExportSource.attachmentsFolder(in: files)
        stamp = ExportSource.stamp(url)
    }

    fileprivate static func stamp(_ url: URL) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(url.standardizedFileURL.path)|\(modified)|\((attributes?[.size] as? NSNumber)?.int64Value ?? 0)"
    }

    private static func folderFiles(_ root: URL) -> [String] {
        let base = root.standardizedFileURL.path
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            if !ExportSource.isClutter(relative) { files.append(relative) }
        }
        return files.sorted()
    }

    /// What archivers and file browsers add beside the export: macOS resource forks and folder settings.
    static func isClutter(_ path: String) -> Bool {
        let components = path.split(separator: "/")
        return components.contains { $0 == "__MACOSX" || $0.hasPrefix("._") || $0 == ".DS_Store" || $0 == "Thumbs.db" }
    }

    public func contains(_ path: String) -> Bool { fileSet.contains(path) }

    /// Calls `body` with the path of a local file holding `path`'s bytes: the file itself in a folder; for a zip,
    /// the entry extracted alone to a temporary file, removed when `body` returns.
    public func withLocalFile<T>(_ path: String, _ body: (String) throws -> T) throws -> T {
        guard let zip else { return try body(url.appendingPathComponent(path).path) }
        return try zip.withExtracted(path, body)
    }

    /// Feeds `path`'s bytes to `body` in pieces of at most 1 MiB, in order.
    public func forEachChunk(of path: String, _ body: (Data) throws -> Void) throws {
        if let zip { return try zip.forEachChunk(of: path, body) }
        let location = url.appendingPathComponent(path).path
        guard let handle = FileHandle(forReadingAtPath: location) else {
            throw ExportReadError.cannotOpen(location, "cannot be read")
        }
        defer { try? handle.close() }
        while let data = try handle.read(upToCount: 1 << 20), !data.isEmpty { try body(data) }
    }

    /// The SHA-256 (hex) and size of `path`'s bytes as they are in the container (a zip entry's uncompressed bytes).
    public func fingerprint(of path: String) throws -> (sha256: String, bytes: Int64) {
        var hasher = SHA256()
        var total: Int64 = 0
        try forEachChunk(of: path) { data in
            hasher.update(data: data)
            total += Int64(data.count)
        }
        let hex = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return (hex, total)
    }

    /// A small file's bytes (a manifest, a schema).
    public func contents(of path: String) throws -> Data {
        var data = Data()
        try forEachChunk(of: path) { data.append($0) }
        return data
    }

    private static func attachmentsFolder(in files: [String]) -> String {
        let folders = files.compactMap { path -> String? in
            let components = path.split(separator: "/", omittingEmptySubsequences: false)
            guard let index = components.dropLast().firstIndex(of: "files") else { return nil }
            return components[...index].joined(separator: "/") + "/"
        }
        return folders.min { ($0.count, $0) < ($1.count, $1) } ?? "files/"
    }

    /// `attachments.csv`'s `Path` (relative to `files/`) as a path in the export.
    public func attachmentPath(_ listed: String) -> String { attachmentsFolder + listed }

    /// The source at `url`, opened once per process: the audit checks each attachment through it, and opening a
    /// zip (or listing a large folder) for every attachment would make that quadratic.
    public static func opened(at url: URL) throws -> ExportSource {
        try OpenedSources.shared.source(at: url)
    }
}

/// The most recently opened source, kept for `ExportSource.opened(at:)`.
private final class OpenedSources: @unchecked Sendable {
    static let shared = OpenedSources()
    private let lock = NSLock()
    private var last: ExportSource?

    func source(at url: URL) throws -> ExportSource {
        lock.lock()
        defer { lock.unlock() }
        if let last, last.stamp == ExportSource.stamp(url) { return last }
        let source = try ExportSource(url: url)
        last = source
        return source
    }
}
