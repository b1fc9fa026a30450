import AllegoryExport
import ArgumentParser
import FieldMap
import Foundation
import Ledger

struct MapReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Show the map beside sample source values and their transformed values, lowest confidence first.",
        discussion: "Also writes PROJECT_DIR/reports/map-review.html, a self-contained page. Lists the map's problems, if any.")

    @OptionGroup var options: ProjectOptions
    @Option(help: "The export folder (default: the folder of the project's latest snapshot).", completion: .directory)
    var export: String?
    @Option(help: "Sample values shown per column (default: 3).") var samples = 3

    func run() throws {
        let project = try options.open()
        let file = try MapFile.load(projectDirectory: project.directory)
        guard let exportPath = try export ?? project.openLedger(.read).latestSnapshotExportPath() else {
            throw UserFacingError("no export to sample: pass --export DIR or take a snapshot first")
        }
        let layout = try ExportLayout(root: URL(fileURLWithPath: exportPath).standardizedFileURL)
        var sampled: [String: SourceSample] = [:]
        for source in layout.files where file.map.object(source: source.object) != nil {
            sampled[source.object] = try? SourceSample.read(source, in: layout, limit: 200)
        }
        let preview = RecordTransformPreview(projectId: project.settings.projectId, map: file.map)
        let review = MapReview(
            map: file.map, samples: sampled, samplesPerField: samples, transformNote: preview.note,
            transformer: preview.transformer)
        try FileManager.default.createDirectory(at: project.reportsDirectory, withIntermediateDirectories: true)
        let html = project.reportsDirectory.appendingPathComponent("map-review.html")
        try Data(review.html(projectName: project.settings.name, mapSha256: file.sha256).utf8).write(to: html)
        print(review.text)
        if !file.problems.isEmpty { print("\n" + MapProblems(file.problems).description) }
        print("\nWrote \(html.path)")
    }
}
