import Foundation
import Ledger

/// What a run added to the ledger: events by type, their canonical payload bytes, and how much the file grew (rows,
/// hashes, indexes and projections included), to divide by the records written.
struct LedgerCost {
    var events: [String: Int] = [:]
    var payloadBytes = 0
    var fileBytes = 0

    /// The events after `seq`, and the growth of the ledger's files since `bytesBefore`.
    static func since(seq: Int64, in ledger: Ledger, directory: URL, bytesBefore: Int) throws -> LedgerCost {
        var cost = LedgerCost()
        try ledger.events { event in
            guard event.seq > seq else { return }
            cost.events[event.type, default: 0] += 1
            cost.payloadBytes += event.payload.utf8.count
        }
        cost.fileBytes = fileBytes(directory) - bytesBefore
        return cost
    }

    /// `ledger.sqlite` and its write-ahead log: a run's appends sit in the log until a checkpoint moves them.
    static func fileBytes(_ directory: URL) -> Int {
        ["ledger.sqlite", "ledger.sqlite-wal"].reduce(0) { total, name in
            let path = directory.appendingPathComponent(name).path
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            return total + ((attributes?[.size] as? Int) ?? 0)
        }
    }

    var eventCount: Int { events.values.reduce(0, +) }

    func lines(perRecords records: Int) -> [String] {
        let per = Double(max(1, records))
        let byType = events.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }
        return [
            "  ledger            \(eventCount) events (" + byType.joined(separator: ", ") + ")",
            "                    " + String(format: "%.2f", Double(eventCount) / per) + " events, "
                + String(format: "%.0f", Double(payloadBytes) / per) + " payload bytes, "
                + String(format: "%.0f", Double(fileBytes) / per) + " file bytes per written record",
        ]
    }
}
