import ArgumentParser
import Foundation
import Ledger

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Events per type, runs, time span, head and size on disk.")

    @OptionGroup var options: ProjectOptions

    func run() throws {
        let ledger = try options.open().openLedger(.read)
        let stats = try ledger.stats()
        print("events       \(stats.events) in \(stats.runs) run(s)")
        print("recorded     \(stats.firstRecordedAt ?? "-") .. \(stats.lastRecordedAt ?? "-")")
        print("head         \(stats.head.seq) \(stats.head.hash)")
        let total = stats.fileBytes + stats.walBytes
        let perEvent = stats.events > 0 ? " (\(total / stats.events) bytes per event)" : ""
        print(
            "on disk      \(formatBytes(total)): ledger.sqlite \(formatBytes(stats.fileBytes)), WAL \(formatBytes(stats.walBytes))\(perEvent)"
        )
        print("schema       \(stats.schemaMigrations.joined(separator: ", "))")
        print(
            "projections  "
                + stats.projectionCursors.sorted { $0.key < $1.key }.map { "\($0.key) at \($0.value)" }.joined(
                    separator: ", "))
        print("")
        print("TYPE".padding(28) + "EVENTS".padding(12) + "PAYLOAD BYTES")
        for row in stats.byType {
            print(row.type.padding(28) + String(row.events).padding(12) + String(row.payloadBytes))
        }
    }

    private func formatBytes(_ bytes: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
    }
}
