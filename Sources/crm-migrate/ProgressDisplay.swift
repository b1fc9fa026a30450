import Foundation
import MigrationEngine

/// Where `run` shows its progress: on a terminal one line per object, rewritten in place after each batch; in a log
/// plain lines; with `--json` one JSON object per line and nothing else on standard output (messages for people go
/// to standard error then).
final class ProgressDisplay {
    enum Mode {
        case terminal, plain, json
    }

    let mode: Mode
    private var plain = PlainProgress()
    /// A terminal line is being redrawn and has no newline yet.
    private var lineOpen = false

    init(json: Bool) {
        mode = json ? .json : isatty(STDOUT_FILENO) != 0 ? .terminal : .plain
    }

    /// A message for people.
    func say(_ text: String) {
        if mode == .json {
            FileHandle.standardError.write(Data((text + "\n").utf8))
        } else {
            emit(text + "\n")
        }
    }

    func show(_ progress: RunProgress) {
        switch mode {
        case .json:
            emit(ProgressJSON.line(progress) + "\n")
        case .plain:
            for line in plain.lines(for: progress) { emit(line + "\n") }
        case .terminal:
            // Carriage return and erase-line: the object's line is redrawn where it stands.
            let clear = "\r\u{1B}[2K"
            lineOpen = progress.stage != .finished
            emit(
                progress.stage == .finished
                    ? clear + ProgressText.tableLine(progress) + "\n" : clear + ProgressText.liveLine(progress))
        }
    }

    /// Ends a line left open by a run that stopped in the middle of an object, so what follows starts on its own.
    func close() {
        if lineOpen { emit("\n") }
        lineOpen = false
    }

    /// The machine-readable end of a `--json` run; nothing in the other modes, whose table says it already.
    func summary(_ line: @autoclosure () -> String) {
        if mode == .json { emit(line() + "\n") }
    }

    /// Unbuffered, so a redrawn line shows at once; every line of `run` goes through here, so none overtakes another.
    private func emit(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
