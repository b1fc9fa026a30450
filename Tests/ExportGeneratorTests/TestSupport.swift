import ExportGenerator
import Foundation

/// A directory under the system's temporary directory, removed when the value is released.
final class TemporaryDirectory: @unchecked Sendable {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("export-generator-\(UUID().uuidString)")
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// An export generated into a temporary directory for one test.
struct GeneratedExport {
    let directory: TemporaryDirectory
    let summary: GenerationSummary

    init(contacts: Int, seed: UInt64, clean: Bool = false) throws {
        directory = TemporaryDirectory()
        summary = try ExportGenerator(contacts: contacts, seed: seed, clean: clean).write(to: directory.url)
    }

    var url: URL { directory.url }

    func file(_ path: String) -> URL { url.appendingPathComponent(path) }

    func table(_ path: String) throws -> TestTable { try TestTable(file(path)) }

    func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: file(path))) }

    /// Every regular file of the export, as paths relative to its directory, sorted.
    func allFiles() throws -> [String] {
        let base = url.standardizedFileURL.path + "/"
        let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])
        var paths: [String] = []
        while let item = enumerator?.nextObject() as? URL {
            if try item.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
                paths.append(String(item.standardizedFileURL.path.dropFirst(base.count)))
            }
        }
        return paths.sorted()
    }
}
