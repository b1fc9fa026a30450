import ArgumentParser
import Foundation
import Ledger

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print one event: its columns, hashes and payload.")

    @OptionGroup var options: ProjectOptions
    @Argument(help: "The event's sequence number.") var seq: Int64
    @Flag(help: "Print the event as one JSON object.") var json = false

    func run() throws {
        let ledger = try options.open().openLedger(.read)
        guard let event = try ledger.event(seq: seq) else {
            throw UserFacingError("there is no event \(seq); the ledger holds events 1 to \(ledger.head.seq)")
        }
        if json {
            print(try event.jsonLine())
            return
        }
        print("seq          \(event.seq)")
        print("recorded_at  \(event.recordedAt)")
        print("run_id       \(event.runId)")
        print("type         \(event.type)")
        print("object       \(event.object ?? "-")")
        print("source_id    \(event.sourceId ?? "-")")
        print("twenty_id    \(event.twentyId ?? "-")")
        print("prev_hash    \(event.prevHash)")
        print("hash         \(event.hash)")
        print("payload")
        print(prettyJSON(event.payload))
    }

    private func prettyJSON(_ text: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]),
            let data = try? JSONSerialization.data(
                withJSONObject: object,
                options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        else { return text }
        return String(decoding: data, as: UTF8.self)
    }
}
