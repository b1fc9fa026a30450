import Foundation
import ZIPFoundation

/// The files of a zipped export, read in place with ZIPFoundation: the archive's central directory is indexed once,
/// and each entry is streamed out on demand. A zip whose files all sit under one top-level folder is read as that
/// folder.
final class ZipContents: @unchecked Sendable {
    let url: URL
    /// Paths relative to the export's root, sorted.
    let files: [String]
    private let archive: Archive
    private let entries: [String: Entry]
    /// An `Archive` reads through one FILE* with seeks: one entry at a time.
    private let lock = NSLock()

    init(url: URL) throws {
        self.url = url
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw ExportReadError.cannotOpen(url.path, "not a readable zip file (\(error))")
        }
        var byPath: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            // Some Windows tools store `crm\contacts.csv`, against the format's rule of `/`.
            var path = entry.path.replacingOccurrences(of: "\\", with: "/")
            while path.hasPrefix("./") || path.hasPrefix("/") { path.removeFirst(path.hasPrefix("/") ? 1 : 2) }
            if !path.isEmpty && !path.hasSuffix("/") && !ExportSource.isClutter(path) { byPath[path] = entry }
        }
        // One top-level folder holding everything is the export's root.
        let tops = Set(byPath.keys.map { $0.split(separator: "/", maxSplits: 1).first.map(String.init) ?? "" })
        if tops.count == 1, let top = tops.first, byPath.keys.allSatisfy({ $0.hasPrefix(top + "/") }) {
            byPath = Dictionary(
                uniqueKeysWithValues: byPath.map { (String($0.key.dropFirst(top.count + 1)), $0.value) })
        }
        entries = byPath
        files = byPath.keys.sorted()
    }

    private func entry(_ path: String) throws -> Entry {
        guard let entry = entries[path] else {
            throw ExportReadError.cannotOpen("\(url.path):\(path)", "not in the zip")
        }
        return entry
    }

    /// Streams the entry's uncompressed bytes; ZIPFoundation checks its CRC-32 at the end.
    func forEachChunk(of path: String, _ body: (Data) throws -> Void) throws {
        let entry = try entry(path)
        lock.lock()
        defer { lock.unlock() }
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 20) { try body($0) }
        } catch let error as ExportReadError {
            throw error
        } catch {
            throw ExportReadError.cannotRead("\(url.path): cannot read \(path) from the zip: \(error)")
        }
    }

    /// Extracts the entry alone to a temporary folder (named by us, so no entry path can point outside it), calls
    /// `body` with the file's path, and removes the folder.
    func withExtracted<T>(_ path: String, _ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "crm-migrate-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let local = folder.appendingPathComponent(URL(fileURLWithPath: path).lastPathComponent)
        guard FileManager.default.createFile(atPath: local.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: local.path)
        else { throw ExportReadError.cannotOpen(local.path, "cannot write a temporary file") }
        do {
            try forEachChunk(of: path) { try handle.write(contentsOf: $0) }
            try handle.close()
        } catch {
            try? handle.close()
            throw error
        }
        return try body(local.path)
    }
}
