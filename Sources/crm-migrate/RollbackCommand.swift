import ArgumentParser
import Foundation
import Ledger
import MigrationEngine
import TwentyClient

struct RollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Undo what the project wrote to its workspace, newest first, back to the state before it.",
        discussion: """
            Replays the ledger's inverse stream newest first: destroys the records the tool created (a hard \
            delete by id, in batches at the workspace's maximum, so a later run does not meet soft-deleted rows), \
            puts back the before-image of records it updated, re-creates records it deleted with their ids, and \
            removes the fields and objects `prepare` added, restoring option lists exactly. Scope: --run ID (one \
            run's writes), --object NAME (one Twenty object, singular name such as person), or --all (the default).

            A record the tool created goes in one destroy per batch that matches it only while Twenty's \
            updatedAt shows nobody wrote it since; any other record is read back first: one someone changed in \
            Twenty since the tool wrote it is kept and listed, and so is an option the tool added to a select \
            field that records in Twenty now hold, a field prepare added in which a remaining record holds a \
            value, and a custom object prepare added that still holds records (--force undoes them anyway). On a terminal it shows what it will do and asks; --yes answers for \
            scripts; --dry-run only shows. Each batch is an intent in the ledger before the call and an outcome \
            after, so a stopped rollback run again first reads back what was in doubt, then goes on. Refused \
            against a workspace other than the project's. Exit status: 0 done, 2 done with records kept or \
            compensations Twenty refused, 3 stopped (run again to resume).
            """)

    @OptionGroup var options: ProjectOptions
    @OptionGroup var access: TwentyOptions
    @Option(name: .customLong("run"), help: "Undo only the writes of this run id (see `crm-migrate ledger log`).")
    var runId: String?
    @Option(help: "Undo only the writes to this Twenty object (singular name: person, company, a custom object).")
    var object: String?
    @Flag(help: "Undo everything the project wrote (the default when neither --run nor --object is given).")
    var all = false
    @Flag(help: "Show what would be undone and stop.")
    var dryRun = false
    @Flag(help: "Do not ask for confirmation.")
    var yes = false
    @Flag(help: "Also undo records someone changed in Twenty after the tool wrote them.")
    var force = false

    func validate() throws {
        if all && (runId != nil || object != nil) {
            throw ValidationError("--all undoes everything; leave out --run and --object, or leave out --all")
        }
    }

    func run() async throws {
        let project = try options.open()
        let connection = try access.connection()
        let ledger = try project.openLedger(.write)
        let scope = RollbackScope(runId: runId, object: object)
        let outcome: Result<RollbackSummary, Error>? = try await TwentyAccess.withClient(
            connection, limits: access.limits
        ) { client in
            let workspace = try await client.describeWorkspace()
            let rollback = WorkspaceRollback(client: client, ledger: ledger, workspace: workspace)
            rollback.force = force
            rollback.afterCall = CrashDrill.after("CRM_MIGRATE_KILL_AFTER_ROLLBACK_CALLS")
            do {
                try rollback.requireBoundWorkspace()
            } catch let mismatch as WorkspaceMismatch {
                throw UserFacingError(mismatch.description)
            }
            let plan = try rollback.plan(scope)
            if let object, plan.isEmpty, workspace.object(object) == nil {
                throw UserFacingError(
                    "the workspace has no object \(object); --object takes a Twenty object's singular name"
                        + " (person, company, opportunity, or a custom object's)")
            }
            print("Rollback of \(scope) in \(workspace.url): \(Self.describe(plan))")
            for line in Self.lines(plan) { print("  " + line) }
            if dryRun { return nil }
            guard try confirmed(plan) else { return nil }
            do {
                return .success(try await rollback.run(scope))
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case nil:
            return
        case .success(let summary)?:
            print("compensated \(summary.compensated), refused \(summary.failed), kept \(summary.kept.count)")
            if summary.settledIntents > 0 {
                print("settled \(summary.settledIntents) batch(es) an interrupted rollback left in doubt")
            }
            for kept in summary.kept {
                let what = kept.fields.isEmpty ? "" : " (\(kept.fields.joined(separator: ", ")))"
                let name = kept.compensation.twentyId ?? kept.compensation.schema?.field ?? ""
                print("kept \(kept.compensation.object) \(name): \(kept.reason)\(what)")
            }
            for failure in summary.failures { print("refused: \(failure)") }
            print("\(summary.requests) requests to Twenty")
            if summary.failed > 0 || !summary.kept.isEmpty { throw ExitCode(2) }
        case .failure(let error)?:
            let sentence = (error as? TwentyError)?.description ?? "\(error)"
            FileHandle.standardError.write(
                Data("stopped: \(sentence)\nrun `crm-migrate rollback` again to resume\n".utf8))
            throw ExitCode(3)
        }
    }

    /// Asks on a terminal; without one, only `--yes` goes ahead.
    private func confirmed(_ plan: RollbackPlan) throws -> Bool {
        if yes || plan.isEmpty { return true }
        guard isatty(STDIN_FILENO) == 1 else {
            throw UserFacingError("rollback changes the workspace; run it on a terminal to confirm, or pass --yes")
        }
        print("Roll back? Type yes to go on: ", terminator: "")
        return readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes"
    }

    static func describe(_ plan: RollbackPlan) -> String {
        plan.isEmpty ? "nothing to undo" : "\(plan.compensations) compensation(s) in \(plan.batches.count) batch(es)"
    }

    /// One line per object and action, then the schema changes: one line per object and kind of change, naming
    /// each field, so a plan that removes forty fields `prepare` added reads in a handful of lines.
    static func lines(_ plan: RollbackPlan) -> [String] {
        let verbs: [Compensation.Action: String] = [
            .destroy: "destroy", .update: "restore the before-image of", .create: "re-create", .restore: "restore",
        ]
        var lines = plan.counts.filter { $0.action != .schema }.map {
            "\(verbs[$0.action] ?? $0.action.rawValue) \($0.count) \($0.object) record(s)"
        }
        // Grouped by object and kind of change, each group where its first change falls in the plan's order.
        var groups: [(op: SchemaChange.Operation, object: String, fields: [String])] = []
        for change in plan.schemaChanges {
            if let field = change.field,
                let index = groups.firstIndex(where: { $0.op == change.op && $0.object == change.object })
            {
                groups[index].fields.append(field)
            } else {
                groups.append((change.op, change.object, change.field.map { [$0] } ?? []))
            }
        }
        for group in groups {
            let fields = group.fields.joined(separator: ", ")
            switch group.op {
            case .deleteField: lines.append("remove \(group.fields.count) field(s) of \(group.object): \(fields)")
            case .deleteObject: lines.append("remove object \(group.object)")
            case .updateField: lines.append("restore the option list of \(group.object): \(fields)")
            case .createField: lines.append("re-create \(group.fields.count) field(s) of \(group.object): \(fields)")
            case .createObject: lines.append("re-create object \(group.object)")
            }
        }
        return lines
    }
}
