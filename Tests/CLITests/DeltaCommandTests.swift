import ExportGenerator
import Foundation
import SQLite
import Testing

/// `crm-migrate delta` as a person runs it during the cutover: a new export with adds, edits and a removal after
/// the run, and an edit made in Twenty in between; run again with the same export; and killed by SIGKILL mid-way.
@Suite("delta command")
struct DeltaCommandTests {
    static let twentyEdit = "Edited in Twenty"

    /// The prepared migration's export copied and edited as in `CutoverEdits`.
    static func newExport(_ prepared: PreparedMigration) throws -> (URL, CutoverEdits) {
        let export = prepared.work.url.appendingPathComponent("export-2")
        if !FileManager.default.fileExists(atPath: export.path) {
            try FileManager.default.copyItem(at: prepared.work.url.appendingPathComponent("export"), to: export)
        }
        return (export, try CutoverEdits(export: export))
    }

    /// Runs the migration on `copy`, then edits the conflicting contact's job title in Twenty.
    static func migrateAndEdit(_ copy: PreparedMigration.Copy, _ edits: CutoverEdits) async throws {
        let run = try copy.run()
        #expect(run.status == 0 || run.status == 2, "\(run.stderr)")
        let ledger = try Database(path: copy.project.appendingPathComponent("ledger.sqlite").path, mode: .readOnly)
        let id = try #require(
            try ledger.query(
                "SELECT twenty_id FROM twenty_records WHERE object = 'person' AND source_id = ?",
                [.text(edits.conflicted)]
            ) { $0.string(0) }.first ?? nil)
        let (status, _) = try await copy.sandbox.send(
            "PATCH", "rest/people/\(id)", json: #"{"jobTitle":"\#(twentyEdit)"}"#)
        #expect(status == 200)
    }

    static func delta(_ copy: PreparedMigration.Copy, _ export: URL, _ environment: [String: String] = [:])
        throws -> Tool.Result
    {
        try copy.crmMigrate.run(
            [
                "delta", "--project", copy.project.path, "--twenty", copy.sandbox.url.absoluteString, "--export",
                export.path,
            ],
            environment: ["TWENTY_API_KEY": copy.sandbox.key].merging(environment) { $1 })
    }

    @Test(
        "delta reports the changes and the conflict with its three values, writes reports/delta-N.json, and run again with the same export writes nothing"
    )
    func reportsAndIsIdempotent() async throws {
        let prepared = try await PreparedMigration(contacts: 12, seed: 3, clean: true)
        let (export, edits) = try Self.newExport(prepared)
        // A contact added during the cutover with neither a name nor an email: the delta's transform rejects it.
        var contacts = try EditableCSV(export.appendingPathComponent("contacts.csv"))
        let nameless = contacts.nextId
        contacts.copy(
            edits.retitled,
            with: ["Contact ID": nameless, "First Name": "", "Last Name": "", "Email": "", "Other Emails": ""])
        try contacts.write()
        let copy = try prepared.copy("delta")
        try await Self.migrateAndEdit(copy, edits)

        let first = try Self.delta(copy, export)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.contains("Created 3, updated 2, 1 with conflicts, removed from the source 1 (0 deleted)"))
        #expect(first.stdout.contains("  rejected 1 new or changed record(s), not written:"), "\(first.stdout)")
        #expect(first.stdout.contains("    contacts \(nameless) (contacts.csv line "), "\(first.stdout)")
        #expect(
            first.stdout.contains(
                #"jobTitle: ours "#)
                && first.stdout.contains(
                    #"| Allegory now "\#(CutoverEdits.conflictingTitle)" | Twenty now "\#(Self.twentyEdit)"  -> Twenty's edit kept"#
                ),
            "\(first.stdout)")
        let report = copy.project.appendingPathComponent("reports/delta-2.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any]
        #expect((json?["conflicts"] as? [Any])?.count == 1)
        let rejected = json?["rejected"] as? [[String: Any]]
        #expect(rejected?.count == 1 && rejected?.first?["sourceId"] as? String == nameless)

        let requestsBefore = try await copy.stats()["records_written"] ?? 0
        let second = try Self.delta(copy, export)
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        #expect(second.stdout.contains("Created 0, updated 0, 0 with conflicts, removed from the source 1 (0 deleted)"))
        // Settled by the first delta under the same map: not transformed, so not listed, again.
        #expect(!second.stdout.contains("rejected"), "\(second.stdout)")
        #expect(try await copy.stats()["records_written"] ?? 0 == requestsBefore)

        let ledgerDelta = try copy.crmMigrate.run(["ledger", "delta", "--project", copy.project.path, "--from", "1"])
        #expect(ledgerDelta.stdout.hasPrefix("Snapshot 1 -> 3: "), "\(ledgerDelta.stdout)")
        #expect(ledgerDelta.stdout.contains("removed  contacts              \(edits.removed)"), "\(ledgerDelta.stdout)")
    }

    @Test(
        "delta killed by SIGKILL after a sample of its HTTP calls and appends, then run again, leaves the uninterrupted delta's record digest"
    )
    func killedDeltaConverges() async throws {
        let prepared = try await PreparedMigration(contacts: 12, seed: 3, clean: true)
        let (export, edits) = try Self.newExport(prepared)
        let clean = try prepared.copy("clean")
        try await Self.migrateAndEdit(clean, edits)
        let requestsBefore = try await clean.stats()["requests"] ?? 0
        let uninterrupted = try Self.delta(clean, export, ["CRM_MIGRATE_LOG_LEVEL": "error"])
        #expect(uninterrupted.status == 0, "\(uninterrupted.stderr)")
        let calls = (try await clean.stats()["requests"] ?? 0) - requestsBefore
        let expected = try await clean.recordDigest()

        var moments = SeededMoments(seed: 13)
        let points =
            [("CRM_MIGRATE_CRASH_AFTER_APPENDS", 3), ("CRM_MIGRATE_KILL_AFTER_DELTA_CALLS", 1)]
            + ([calls - 1] + (0..<3).map { _ in moments.next(in: 2...max(2, calls - 2)) }).map {
                ("CRM_MIGRATE_CRASH_AFTER_HTTP_CALLS", $0)
            }
        for (index, (variable, k)) in points.enumerated() {
            let copy = try prepared.copy("killed-\(index)")
            try await Self.migrateAndEdit(copy, edits)
            let killed = try Self.delta(copy, export, [variable: "\(k)"])
            #expect(killed.status == 9, "\(variable)=\(k): expected SIGKILL, got \(killed.status): \(killed.stderr)")
            let resumed = try Self.delta(copy, export)
            #expect(resumed.status == 0, "\(variable)=\(k): \(resumed.stdout)\(resumed.stderr)")
            #expect(try await copy.recordDigest("\(variable)=\(k)") == expected, "\(variable)=\(k)")
            #expect(try await copy.duplicates().isEmpty, "\(variable)=\(k)")
            try CrashPointTests.expectSettled(copy.project, "\(variable)=\(k)")
        }
    }
}
