import AllegoryExport
import ArgumentParser
import FieldMap
import Foundation
import Ledger
import SourceSnapshot

struct MapReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Show the map beside sample source values and their transformed values, lowest confidence first.",
        discussion:
            "Also writes PROJECT_DIR/reports/map-review.html, a self-contained page. Lists the map's problems, if any.")

    @OptionGroup var options: ProjectOptions
    @Option(
        help: "An export folder to sample instead of the records of the project's latest snapshot.",
        completion: .directory)
    var export: String?
    @Option(help: "Sample values shown per column.") var samples = 3

    func run() throws {
        let project = try options.open()
        let file = try MapFile.load(projectDirectory: project.directory)
        // A map that does not parse has nothing to review: say why, and leave the last good page as it is.
        if file.map.objects.isEmpty, !file.problems.isEmpty {
            throw UserFacingError(
                "map.yaml cannot be read, so no review was written:\n" + MapProblems(file.problems).description)
        }
        let ledger = try project.openLedger(.read)
        var sampled: [String: SourceSample] = [:]
        var unreadable: [String] = []
        if export == nil, let understanding = try UnderstandingRecord.latestComplete(in: ledger) {
            // The records the snapshot holds, as the transform will read them.
            for understood in understanding.files where file.map.object(source: understood.object) != nil {
                sampled[understood.object] = try LedgerSample.read(understood, from: ledger, limit: 200)
            }
        } else {
            guard let exportPath = try export ?? ledger.latestSnapshotExportPath() else {
                throw UserFacingError("no export to sample: pass --export DIR or take a snapshot first")
            }
            let layout = try ExportLayout(root: URL(fileURLWithPath: exportPath).standardizedFileURL)
            for source in layout.files where file.map.object(source: source.object) != nil {
                do {
                    sampled[source.object] = try SourceSample.read(source, in: layout, limit: 200)
                } catch {
                    unreadable.append("\(source.path) could not be read for samples: \(error)")
                }
            }
        }
        let preview = RecordTransformPreview(projectId: project.settings.projectId, map: file.map)
        let review = MapReview(
            map: file.map, samples: sampled, samplesPerField: samples, transformNote: preview.note,
            transformer: preview.transformer)
        try FileManager.default.createDirectory(at: project.reportsDirectory, withIntermediateDirectories: true)
        let html = project.reportsDirectory.appendingPathComponent("map-review.html")
        try Data(review.html(projectName: project.settings.name, mapSha256: file.sha256).utf8).write(to: html)
        print(review.text)
        for note in unreadable { print("note: \(note)") }
        print("\nWrote \(html.path)")
        if !file.problems.isEmpty {
            print("\n" + MapProblems(file.problems).description)
            throw UserFacingError(
                "map.yaml has \(file.problems.count) problem(s), listed above: fix them before confirming")
        }
    }
}
