import ArgumentParser
import Foundation
import Ledger

/// Where the migration stands, from the projections alone: the workspace the project is bound to, the write-ahead
/// intents and which are in doubt, and where every source record went.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract:
            "The bound workspace, the intents in doubt, and per object: extracted = written + rejected + excluded + pending."
    )

    @OptionGroup var options: ProjectOptions

    func run() throws {
        let ledger = try options.open().openLedger(.read)
        if let bound = try ledger.workspaceBinding() {
            let identity = bound.workspaceId.map { "workspace \($0)" } ?? "fingerprint \(bound.fingerprint)"
            print("workspace    \(bound.url) (\(identity), Twenty \(bound.version), batches of \(bound.batchMaximum))")
        } else {
            print("workspace    not bound yet (the first command that writes to a workspace binds the project to it)")
        }
        let intents = try ledger.intents()
        let byState = Dictionary(grouping: intents, by: \.state).mapValues(\.count)
        let states: [IntentState.State] = [.applied, .failed, .resolved, .pending]
        print(
            "intents      \(intents.count): "
                + states.map { "\(byState[$0] ?? 0) \($0 == .pending ? "in doubt" : $0.rawValue)" }.joined(
                    separator: ", "))
        for intent in intents where intent.state == .pending {
            print(
                "  in doubt   event \(intent.seq): \(intent.kind.rawValue) \(intent.op) \(intent.object) (\(intent.intentId), \(intent.settled) of \(intent.items) settled)"
            )
        }
        let rows = try ledger.conservation()
        guard !rows.isEmpty else { return }
        print("")
        for line in ConservationTable.lines(rows) { print(line) }
    }
}
