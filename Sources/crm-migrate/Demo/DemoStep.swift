import ArgumentParser
import Foundation

/// One step of the demo: a crm-migrate command run in this process exactly as typed on a command line, so the
/// demo shows the commands an operator runs and their real output; or, where the demo plays the people around the
/// migration (someone still working in Allegory, someone editing in Twenty), what they did, said in lines.
struct DemoStep {
    let title: String
    let arguments: [String]
    /// Exit statuses the step may end with and the demo goes on (a run that reports Twenty's refusals ends with 2).
    var accepted: Set<Int32> = [0]
    /// The people's part: what it did, a line each. No command line is shown for it.
    var scripted: (() async throws -> [String])? = nil

    init(title: String, arguments: [String], accepted: Set<Int32> = [0]) {
        self.title = title
        self.arguments = arguments
        self.accepted = accepted
    }

    init(title: String, scripted: @escaping () async throws -> [String]) {
        self.title = title
        arguments = []
        self.scripted = scripted
    }

    /// The command line as an operator would type it, paths shortened to the demo's directory.
    func commandLine(relativeTo directory: URL) -> String {
        let prefix = directory.path + "/"
        let shown = arguments.map { argument in
            let relative = argument.hasPrefix(prefix) ? String(argument.dropFirst(prefix.count)) : argument
            return relative.contains(" ") ? "\"\(relative)\"" : relative
        }
        return (["crm-migrate"] + shown).joined(separator: " ")
    }

    /// Parses and runs the command; the exit status it asks for (0 when it returns normally).
    func perform() async throws -> Int32 {
        // Some commands write straight to the file descriptor (run's live progress), the rest through stdout's
        // buffer: flushed on both sides of the step, the output keeps its order when the demo's is redirected.
        fflush(nil)
        defer { fflush(nil) }
        if let scripted {
            for line in try await scripted() { print(line) }
            return 0
        }
        do {
            var command = try CRMMigrate.parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        }
    }
}
