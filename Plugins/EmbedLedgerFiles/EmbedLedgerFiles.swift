import Foundation
import PackagePlugin

/// Embeds the top-level `Ledger/` folder (schema migrations and the event catalogue) into the target as Swift
/// string literals, so the SQL an auditor reads is byte for byte the SQL the binary runs, and the binary needs no
/// resource bundle beside it.
@main
struct EmbedLedgerFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let ledgerDirectory = context.package.directoryURL.appending(path: "Ledger")
        let migrations = ledgerDirectory.appending(path: "migrations")
        let sqlFiles = try FileManager.default.contentsOfDirectory(
            at: migrations, includingPropertiesForKeys: nil
        )
        .filter { $0.pathExtension == "sql" }
        .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let catalogue = ledgerDirectory.appending(path: "EVENTS.md")
        let output = context.pluginWorkDirectoryURL.appending(path: "LedgerFiles.generated.swift")
        let tool = try context.tool(named: "embed-ledger-files")
        return [
            .buildCommand(
                displayName: "Embedding Ledger/ into \(target.name)",
                executable: tool.url,
                arguments: [output.path(percentEncoded: false), catalogue.path(percentEncoded: false)]
                    + sqlFiles.map { $0.path(percentEncoded: false) },
                inputFiles: [catalogue] + sqlFiles + [migrations],
                outputFiles: [output])
        ]
    }
}
