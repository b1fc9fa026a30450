import ArgumentParser
import ExportGenerator
import Foundation
import Ledger
import RecordTransform

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Migrate a generated export into an embedded Twenty sandbox and back, every step shown.",
        discussion: """
            Needs nothing but this tool. Starts the Twenty sandbox on a free loopback port, generates an Allegory \
            export with planted defects, and runs the whole migration with the commands an operator types: init, \
            snapshot, audit, map propose and confirm, prepare, transform, sample and its approval, run, reconcile, \
            a cutover (edits in Allegory and one in Twenty) picked up by delta with its conflict, reconcile, and \
            rollback, printing each command and its output. It ends by comparing the workspace with its state \
            before prepare (they must be equal after the rollback) and lists the reports and the ledger to read. \
            Exit status: 0 when every step did what it should and the rollback restored the workspace, 1 otherwise.
            """)

    @Option(
        help: ArgumentHelp(
            "The directory to work in: it receives the export, the project and the sandbox's data (default: a new"
                + " directory in the system's temporary directory). It must not exist yet or be empty."),
        completion: .directory)
    var directory: String?
    @Option(help: "Contacts in the generated export (at least 100, so every kind of defect can be planted).")
    var contacts = 300
    @Option(help: "The generator's seed: the same seed writes the same export.")
    var seed: UInt64 = 7

    func validate() throws {
        if contacts < ExportGenerator.minimumContactsWithDefects {
            throw ValidationError("--contacts must be at least \(ExportGenerator.minimumContactsWithDefects)")
        }
    }

    func run() async throws {
        let started = Date()
        let root = try workDirectory()
        let export = root.appendingPathComponent("export")
        let project = root.appendingPathComponent("project")

        banner("Generating an Allegory export of \(contacts) contacts (seed \(seed)) in \(export.path)")
        let generated = try ExportGenerator(contacts: contacts, seed: seed).write(to: export)
        print("\(generated.files.count) files, \(generated.files.compactMap(\.records).reduce(0, +)) records")

        banner("Starting the Twenty sandbox (the workspace the demo migrates into)")
        let sandbox = try await DemoSandbox.start(
            in: root.appendingPathComponent("sandbox"), members: ExportGenerator.activeUsers)
        print("Twenty sandbox on \(sandbox.url), \(ExportGenerator.activeUsers.count) members invited")
        // The commands read the key as an operator's script would pass it: from the environment, never an argument.
        setenv("TWENTY_API_KEY", sandbox.apiKey, 1)
        let before = try await sandbox.contentDigest()

        let outcome = await runSteps(steps(project: project, export: export, sandbox: sandbox), in: root)
        let after = try? await sandbox.contentDigest()
        await sandbox.stop()

        banner("Result")
        let restored = after == before
        print("workspace before prepare:    \(before)")
        print("workspace after rollback:    \(after ?? "unknown")")
        print(restored ? "The rollback returned the workspace to its state before the migration." : "")
        print("Reports:  \(project.appendingPathComponent("reports").path)/")
        print(
            "Ledger:   \(project.appendingPathComponent("ledger.sqlite").path)  (crm-migrate ledger status --project \(project.path))"
        )
        print(String(format: "Demo took %.0f s.", Date().timeIntervalSince(started)))
        if let failure = outcome {
            FileHandle.standardError.write(Data("demo stopped: \(failure)\n".utf8))
            throw ExitCode(1)
        }
        if !restored {
            FileHandle.standardError.write(Data("demo failed: the rollback did not restore the workspace\n".utf8))
            throw ExitCode(1)
        }
    }

    /// The migration, command by command, as the README walks through it.
    private func steps(project: URL, export: URL, sandbox: DemoSandbox) -> [DemoStep] {
        let p = ["--project", project.path]
        let t = ["--twenty", sandbox.url, "--rate-limit", String(DemoSandbox.requestsPerMinute)]
        let cutover = export.deletingLastPathComponent().appendingPathComponent("export-cutover")
        return [
            DemoStep(
                title: "Create the migration project", arguments: ["init", project.path, "--name", "Demo migration"]),
            DemoStep(
                title: "Snapshot the export into the ledger", arguments: ["snapshot"] + p + ["--export", export.path]),
            DemoStep(title: "Audit: counts, data quality, exclusions, a migration plan", arguments: ["audit"] + p),
            DemoStep(title: "Propose the field map", arguments: ["map", "propose"] + p),
            DemoStep(
                title: "A person confirms the map", arguments: ["map", "confirm"] + p + ["--by", "Demo Operator"]),
            DemoStep(
                title: "The rebuild reference for the workflows that cannot move",
                arguments: ["report", "workflows"] + p),
            DemoStep(title: "Prepare the workspace: fields, objects, options", arguments: ["prepare"] + p + t),
            DemoStep(title: "Transform every record under the confirmed map", arguments: ["transform"] + p + t),
            DemoStep(title: "Sample migration with its field-level diff", arguments: ["sample"] + p + t),
            DemoStep(
                title: "A person approves the sample",
                arguments: ["sample"] + p + t + ["--approve", "--by", "Demo Operator"]),
            DemoStep(title: "The full run, in dependency order", arguments: ["run"] + p + t, accepted: [0, 2]),
            DemoStep(title: "Cutover: work goes on in Allegory, and someone edits a record in Twenty") {
                try await Self.cutover(export: export, into: cutover, project: project, sandbox: sandbox)
            },
            DemoStep(
                title: "Delta: what changed in Allegory since, with the conflict",
                arguments: ["delta"] + p + t + ["--export", cutover.path],
                accepted: [0, 2]),
            DemoStep(title: "Reconcile: the source, the ledger and Twenty agree", arguments: ["reconcile"] + p + t),
            DemoStep(
                title: "Roll back everything the project wrote; the record edited in Twenty is kept",
                arguments: ["rollback"] + p + t + ["--all", "--yes"], accepted: [2]),
            DemoStep(
                title: "Roll back that record too, edit and all",
                arguments: ["rollback"] + p + t + ["--all", "--yes", "--force"]),
        ]
    }

    /// The people's part of the cutover: a copy of the export as Allegory holds it a day later (a title changed,
    /// a contact moved to a new company, a new company, contact and attachment, a contact deleted), and in Twenty
    /// someone changing the title of a contact whose title also changed in Allegory: the conflict delta reports.
    private static func cutover(export: URL, into cutover: URL, project: URL, sandbox: DemoSandbox) async throws
        -> [String]
    {
        try FileManager.default.copyItem(at: export, to: cutover)
        let edits = try CutoverEdits(export: cutover)
        let projectId = try Project.open(at: project).settings.projectId
        let person = RecordIdentity(projectId: projectId).id(object: "contacts", sourceId: edits.conflicted)
        let editedInTwenty = "VP Customer Success"
        try await sandbox.edit("people", id: person, values: ["jobTitle": .string(editedInTwenty)])
        return [
            "In Allegory (\(cutover.lastPathComponent)/):",
            "  \(edits.retitled) job title -> \"\(CutoverEdits.title)\"",
            "  \(edits.conflicted) job title -> \"\(CutoverEdits.conflictingTitle)\"",
            "  \(edits.moved) moved to the new company \(edits.newCompany)",
            "  new: company \(edits.newCompany), contact \(edits.newContact), attachment \(edits.newAttachment)",
            "  deleted: contact \(edits.removed)",
            "In Twenty:",
            "  \(edits.conflicted) (person \(person.prefix(8))...) job title -> \"\(editedInTwenty)\"",
        ]
    }

    /// Runs the steps in order; the first failure as a sentence, or nil.
    private func runSteps(_ steps: [DemoStep], in root: URL) async -> String? {
        for (index, step) in steps.enumerated() {
            banner("\(index + 1)/\(steps.count) \(step.title)")
            if step.scripted == nil { print("$ \(step.commandLine(relativeTo: root))") }
            do {
                let status = try await step.perform()
                guard step.accepted.contains(status) else {
                    return "`\(step.commandLine(relativeTo: root))` ended with exit status \(status)"
                }
            } catch {
                return "`\(step.commandLine(relativeTo: root))` failed: \(error)"
            }
        }
        return nil
    }

    private func workDirectory() throws -> URL {
        let manager = FileManager.default
        guard let directory else {
            let made = manager.temporaryDirectory.appendingPathComponent(
                "crm-migrate-demo-\(UUID().uuidString.prefix(8))")
            try manager.createDirectory(at: made, withIntermediateDirectories: true)
            return made
        }
        let url = URL(fileURLWithPath: directory).standardizedFileURL
        if let contents = try? manager.contentsOfDirectory(atPath: url.path), !contents.isEmpty {
            throw UserFacingError("\(url.path) is not empty: give a new or empty directory for the demo")
        }
        try manager.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func banner(_ text: String) {
        print("\n== \(text)")
    }
}
