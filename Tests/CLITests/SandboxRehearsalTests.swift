import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The command line end to end against the sandbox, as an operator rehearses: a generated export is snapshotted,
/// the map is proposed from the sandbox's own metadata and members, confirmed, and every record transformed.
@Suite("rehearsal against the sandbox")
struct SandboxRehearsalTests {
    let crmMigrate = Tool("crm-migrate")

    /// A `crm-migrate sandbox` process on an ephemeral port, stopped with SIGTERM.
    final class RunningSandbox {
        let process = Process()
        let url: URL
        let key = "rehearsal-key"

        init(tool: Tool, data: URL, arguments: [String] = []) throws {
            process.executableURL = tool.url
            process.arguments =
                [
                    "sandbox", "--port", "0", "--data", data.path, "--api-key", key, "--rate-limit", "off",
                    "--short-rate-limit", "off",
                ] + arguments
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            // The banner is written unbuffered once the port is bound; reading blocks until it arrives or EOF.
            var banner = ""
            while !banner.contains("API key") {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                banner += String(decoding: chunk, as: UTF8.self)
            }
            guard let range = banner.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression),
                let url = URL(string: String(banner[range]))
            else {
                process.terminate()
                throw CocoaError(
                    .fileReadCorruptFile,
                    userInfo: [NSLocalizedDescriptionKey: "no URL in the sandbox banner: \(banner)"])
            }
            self.url = url
        }

        func send(_ method: String, _ path: String, json: String? = nil) async throws -> (Int, Data) {
            var request = URLRequest(url: url.appendingPathComponent(path))
            request.httpMethod = method
            request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
            if let json {
                request.httpBody = Data(json.utf8)
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
        }

        /// Stops the server the way Ctrl-C or a service manager would, and returns its exit status.
        func stop() -> Int32 {
            process.terminate()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    @Test(
        "a generated export is proposed against the sandbox's metadata, confirmed and transformed with counts that add up"
    )
    func rehearsal() async throws {
        let work = TemporaryDirectory()
        let export = work.url.appendingPathComponent("export")
        let project = work.url.appendingPathComponent("project")
        let generated = try Tool("generate-export").run(["--out", export.path, "--contacts", "300", "--seed", "11"])
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(try crmMigrate.run(["init", project.path]).status == 0)
        #expect(try crmMigrate.run(["snapshot", "--project", project.path, "--export", export.path]).status == 0)

        let sandbox = try RunningSandbox(tool: crmMigrate, data: work.url.appendingPathComponent("sandbox"))
        // The export's active users are invited to the workspace, as an administrator would before migrating.
        let users = try String(contentsOf: export.appendingPathComponent("users.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map(String.init) }
        let invited = users.filter { $0.last == "true" }.map { #"{"name":"\#($0[1])","userEmail":"\#($0[2])"}"# }
        let (membersStatus, _) = try await sandbox.send(
            "POST", "_sandbox/members", json: "[" + invited.joined(separator: ",") + "]")
        #expect(membersStatus == 200 || membersStatus == 201)

        let keyFile = work.url.appendingPathComponent("api-key")
        try Data(sandbox.key.utf8).write(to: keyFile)
        let workspace = ["--twenty", sandbox.url.absoluteString, "--api-key-file", keyFile.path]
        let proposed = try crmMigrate.run(["map", "propose", "--project", project.path] + workspace)
        #expect(proposed.status == 0, "\(proposed.stderr)")
        let map = try String(contentsOf: project.appendingPathComponent("map.yaml"), encoding: .utf8)
        #expect(map.contains(sandbox.url.absoluteString))
        #expect(!map.contains(sandbox.key))

        let unconfirmed = try crmMigrate.run(["transform", "--project", project.path] + workspace)
        #expect(unconfirmed.status != 0)
        #expect(unconfirmed.stderr.contains("confirm"))

        #expect(try crmMigrate.run(["map", "confirm", "--project", project.path, "--by", "Rehearsal"]).status == 0)
        let transformed = try crmMigrate.run(["transform", "--project", project.path] + workspace)
        #expect(transformed.status == 0, "\(transformed.stderr)")
        #expect(!transformed.stdout.contains(sandbox.key) && !transformed.stderr.contains(sandbox.key))
        #expect(sandbox.stop() == 0)

        // The same map against a Twenty 1.x workspace, whose attachments keep their file elsewhere: refused before
        // any record is read, with the object and field named, and nothing recorded in the ledger.
        let verify = ["ledger", "verify", "--project", project.path]
        let head = try crmMigrate.run(verify).stdout
        let older = try RunningSandbox(
            tool: crmMigrate, data: work.url.appendingPathComponent("sandbox-v1"),
            arguments: ["--twenty-version", "v1"])
        let refused = try crmMigrate.run(
            [
                "transform", "--project", project.path, "--twenty", older.url.absoluteString, "--api-key-file",
                keyFile.path,
            ])
        #expect(older.stop() == 0)
        #expect(refused.status != 0)
        #expect(!refused.stderr.contains(older.key) && !refused.stdout.contains(older.key))
        #expect(refused.stderr.contains("map.yaml does not fit the workspace at \(older.url.absoluteString)"))
        #expect(refused.stderr.contains("the workspace's attachment has no field file"), "\(refused.stderr)")
        #expect(try crmMigrate.run(verify).stdout == head)

        // Conservation: on the total line, source = transformed + rejected + excluded.
        let total = try #require(transformed.stdout.split(separator: "\n").first { $0.hasPrefix("total") })
        let counts = total.split(separator: " ").compactMap { Int($0) }
        #expect(counts.count >= 4)
        #expect(counts[0] == counts[1] + counts[2] + counts[3])
        #expect(counts[1] > 0)
        // Nothing was rejected for its owner: every mapped owner is a member the sandbox knows.
        #expect(!transformed.stdout.contains("unknown-member"))
    }
}
