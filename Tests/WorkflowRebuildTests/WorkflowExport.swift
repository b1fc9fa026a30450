import AllegoryExport
import ExportUnderstanding
import FieldMap
import Foundation
import Ledger
import SourceSnapshot

@testable import ExportGenerator
@testable import WorkflowRebuild

/// A generated export whose workflows file is replaced (by every template of the generator, or by a file another
/// writer might produce), snapshotted into a fresh ledger.
final class WorkflowExport {
    let root: URL
    let export: URL
    let ledger: Ledger
    let understanding: ExportUnderstanding

    enum WorkflowsFile { case seedsPick, allTemplates, file(name: String, json: String) }

    init(_ workflows: WorkflowsFile, seed: UInt64 = 5) throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "workflow-tests-\(UUID().uuidString)")
        export = root.appendingPathComponent("export")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        _ = try ExportGenerator(contacts: 150, seed: seed, clean: true).write(to: export)
        let generated = export.appendingPathComponent(Workflows.path)
        switch workflows {
        case .seedsPick: break
        case .allTemplates:
            let all: [JSONValue] = Workflows.templates.enumerated().map { index, template in
                guard case .object(var workflow) = template else { preconditionFailure("a workflow is an object") }
                workflow["id"] = .string("WF-\(index + 101)")
                return .object(workflow)
            }
            _ = try JSONFile.write(JSONValue.array(all), to: generated)
        case .file(let name, let json):
            try FileManager.default.removeItem(at: generated)
            try Data(json.utf8).write(to: export.appendingPathComponent(name))
        }
        ledger = try Ledger.create(at: root.appendingPathComponent("ledger.sqlite").path)
        _ = try Snapshotter(ledger: ledger, layout: try ExportLayout(root: export)).run()
        understanding = try UnderstandingRecord.latestComplete(in: ledger)!
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The map the tool proposes for this export, as a confirmed map would name things.
    func proposedMap() throws -> FieldMap {
        var proposer = MapProposer(
            layout: try ExportLayout(root: export), catalog: .builtIn(), understanding: understanding)
        proposer.ledger = ledger
        return try proposer.propose().map
    }

    func reference(map: FieldMap? = nil, state: TwentyNames.MapState = .none) throws -> WorkflowReference {
        try WorkflowReference.read(
            ledger: ledger, understanding: understanding,
            names: TwentyNames(map: map, state: state, understanding: understanding))
    }
}
