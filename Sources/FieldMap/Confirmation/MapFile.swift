import Crypto
import Foundation
import TwentyModel

/// The project's map.yaml, and the targets it was proposed against (targets.json, written when they came from a live
/// workspace, so a map with that workspace's custom fields validates offline).
public struct MapFile: Sendable {
    public static let fileName = "map.yaml"
    public static let targetsFileName = "targets.json"

    public let url: URL
    public let bytes: Data
    public let sha256: String
    public let map: FieldMap
    public let lines: MapLines
    /// Structural problems found while reading, then those of validation against the targets.
    public let problems: [MapProblem]
    public let catalog: TargetCatalog

    public static func url(in projectDirectory: URL) -> URL { projectDirectory.appendingPathComponent(fileName) }

    /// Reads and validates the project's map.
    public static func load(projectDirectory: URL) throws -> MapFile {
        let url = url(in: projectDirectory)
        guard let bytes = try? Data(contentsOf: url) else { throw MapFileError.missing(url.path) }
        let read = MapYAMLReader.read(String(decoding: bytes, as: UTF8.self), fileName: fileName)
        let catalog = try targets(projectDirectory: projectDirectory, version: read.map.twenty.version)
        var problems = read.problems
        // Validation against targets needs a readable map; structural problems come first and alone otherwise.
        if problems.isEmpty {
            problems = MapValidator(catalog: catalog, fileName: fileName).problems(in: read.map, lines: read.lines)
        }
        return MapFile(
            url: url, bytes: bytes, sha256: digest(bytes), map: read.map, lines: read.lines, problems: problems,
            catalog: catalog)
    }

    /// Writes a proposal: map.yaml, and targets.json when the targets came from a live workspace.
    @discardableResult
    public static func write(_ map: FieldMap, header: [String], catalog: TargetCatalog, projectDirectory: URL) throws
        -> (
            url: URL, sha256: String
        )
    {
        let url = url(in: projectDirectory)
        let data = Data(try MapYAMLWriter.yaml(map, header: header).utf8)
        try data.write(to: url, options: .atomic)
        let targetsURL = projectDirectory.appendingPathComponent(targetsFileName)
        if catalog.url != nil {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(
                SavedTargets(
                    url: catalog.url, version: catalog.version, objects: catalog.objects,
                    memberEmails: catalog.memberEmails)
            )
            .write(to: targetsURL, options: .atomic)
        } else if FileManager.default.fileExists(atPath: targetsURL.path) {
            try FileManager.default.removeItem(at: targetsURL)
        }
        return (url, digest(data))
    }

    static func targets(projectDirectory: URL, version: TwentyVersion) throws -> TargetCatalog {
        let url = projectDirectory.appendingPathComponent(targetsFileName)
        guard let data = try? Data(contentsOf: url) else { return .builtIn(version) }
        do {
            let saved = try JSONDecoder().decode(SavedTargets.self, from: data)
            return TargetCatalog(
                objects: saved.objects, version: saved.version, url: saved.url, memberEmails: saved.memberEmails)
        } catch {
            throw MapFileError.unreadableTargets(url.path, "\(error)")
        }
    }

    public static func digest(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    struct SavedTargets: Codable {
        var url: String?
        var version: TwentyVersion
        var objects: [ObjectDescription]
        var memberEmails: [String]?
    }
}

public enum MapFileError: Error, CustomStringConvertible, Sendable {
    case missing(String)
    case unreadableTargets(String, String)

    public var description: String {
        switch self {
        case .missing(let path): "there is no field map at \(path); propose one with `crm-migrate map propose`"
        case .unreadableTargets(let path, let reason): "cannot read the workspace description \(path): \(reason)"
        }
    }
}
