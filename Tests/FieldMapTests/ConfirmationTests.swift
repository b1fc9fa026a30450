import Foundation
import Ledger
import Testing

@testable import FieldMap

@Suite("Confirmation")
struct ConfirmationTests {
    /// A project with a proposed map of a generated export.
    static func project() throws -> (URL, GeneratedExport) {
        let export = try GeneratedExport()
        let directory = export.root.appendingPathComponent("project")
        _ = try Project.create(at: directory)
        let proposal = try export.propose()
        let written = try MapFile.write(
            proposal.map, header: ["test"], catalog: .builtIn(), projectDirectory: directory)
        try MapConfirmation.recordProposal(projectDirectory: directory, sha256: written.sha256, fields: 1)
        return (directory, export)
    }

    @Test("writers are refused until the map is confirmed, and accepted after")
    func requiresConfirmation() throws {
        let (directory, export) = try Self.project()
        _ = export
        #expect(throws: MapConfirmationError.self) { try MapConfirmation.requireConfirmed(projectDirectory: directory) }
        try MapConfirmation.confirm(projectDirectory: directory, by: "Ada")
        let confirmed = try MapConfirmation.requireConfirmed(projectDirectory: directory)
        #expect(confirmed.confirmedBy == "Ada")
        #expect(try MapConfirmation.status(projectDirectory: directory).isConfirmed)
    }

    @Test("a map edited after its confirmation is refused until confirmed again")
    func changedMapIsRefused() throws {
        let (directory, export) = try Self.project()
        _ = export
        try MapConfirmation.confirm(projectDirectory: directory, by: "Ada")
        let url = MapFile.url(in: directory)
        let edited = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
            of: "duplicates: fail", with: "duplicates: skip")
        try edited.write(to: url, atomically: true, encoding: .utf8)
        #expect {
            try MapConfirmation.requireConfirmed(projectDirectory: directory)
        } throws: { error in
            "\(error)".contains("changed since Ada confirmed it")
        }
        try MapConfirmation.confirm(projectDirectory: directory, by: "Ada")
        #expect(try MapConfirmation.requireConfirmed(projectDirectory: directory).map.policies.duplicates == .skip)
    }

    @Test("an invalid map cannot be confirmed")
    func invalidMapIsRefused() throws {
        let (directory, export) = try Self.project()
        _ = export
        let url = MapFile.url(in: directory)
        let edited = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
            of: "target: emails.primaryEmail", with: "target: emails.primaryEmial")
        try edited.write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: MapProblems.self) { try MapConfirmation.confirm(projectDirectory: directory, by: "Ada") }
    }
}
