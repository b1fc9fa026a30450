import ArgumentParser
import Foundation
import Ledger

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "List events, oldest first, optionally filtered.")

    @OptionGroup var options: ProjectOptions
    @Option(help: "Only events of this type (e.g. record.created; see Ledger/EVENTS.md).") var type: String?
    @Option(help: "Only events about this object (e.g. contacts, person).") var object: String?
    @Option(name: .customLong("source-id"), help: "Only events about this source record id.") var sourceId: String?
    @Option(name: .customLong("twenty-id"), help: "Only events about this Twenty record id.") var twentyId: String?
    @Option(name: .customLong("run"), help: "Only events of this run id.") var runId: String?
    @Option(help: "Only events recorded at or after this time (UTC): 2026-11-29, 2026-11-29T15:00, or ISO 8601.")
    var since: String?
    @Option(help: "Print at most this many events.") var limit: Int?
    @Flag(help: "One JSON object per line (all columns, payload as JSON) instead of a table.") var json = false

    func validate() throws {
        if let since, LedgerClock.normalise(since) == nil {
            throw ValidationError("--since \(since) is not a date or time; use e.g. 2026-11-29 or 2026-11-29T15:00:00Z")
        }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        let ledger = try options.open().openLedger(.read)
        let filter = EventFilter(
            type: type, object: object, sourceId: sourceId, twentyId: twentyId, runId: runId,
            since: since.flatMap(LedgerClock.normalise), limit: limit)
        var output = BufferedOutput()
        if !json {
            output.write(
                "SEQ".padding(8) + "RECORDED AT".padding(26) + "TYPE".padding(25) + "OBJECT".padding(14)
                    + "SOURCE ID".padding(16) + "TWENTY ID".padding(38) + "RUN\n")
        }
        try ledger.events(matching: filter) { event in
            if json {
                output.write(try event.jsonLine() + "\n")
            } else {
                output.write(
                    String(event.seq).padding(8) + event.recordedAt.padding(26) + event.type.padding(25)
                        + (event.object ?? "-").padding(14) + (event.sourceId ?? "-").padding(16)
                        + (event.twentyId ?? "-").padding(38) + event.runId + "\n")
            }
        }
        output.flush()
    }
}

/// Collects output and writes it to stdout in large chunks: a million-line log should not take a million writes.
struct BufferedOutput {
    private var buffer: [UInt8] = []

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count > 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

extension String {
    /// Left-aligned in a column of `width`, with at least one space after.
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
