import Foundation
import Ledger

/// The create intents a run recorded (one per create request, a split's halves included), per object: how full the
/// batches were, and so where requests went that a larger batch maximum cannot save.
struct CreateRequests {
    struct Object {
        var requests = 0
        var records = 0
        /// Intents carrying fewer records than the largest one of the object: tails, splits, single writes.
        var sizes: [Int] = []
    }

    var objects: [String: Object] = [:]

    init(_ ledger: Ledger, after seq: Int64) throws {
        try ledger.events(matching: EventFilter(type: EventType.writeRequested.rawValue)) { event in
            guard event.seq > seq, case .writeRequested(let intent) = try event.decoded(), intent.op == .create
            else { return }
            let name = intent.object ?? "?"
            objects[name, default: Object()].requests += 1
            objects[name, default: Object()].records += intent.items.count
            objects[name, default: Object()].sizes.append(intent.items.count)
        }
    }

    var requests: Int { objects.values.reduce(0) { $0 + $1.requests } }
    var records: Int { objects.values.reduce(0) { $0 + $1.records } }

    var summary: String {
        "  create requests   \(requests) carrying \(records) records: "
            + String(format: "%.1f", Double(records) / Double(max(1, requests))) + " per request"
    }

    /// One line per Twenty object: requests, records, and how many requests were not full.
    var perObject: [String] {
        objects.sorted { $0.value.requests > $1.value.requests }.map { name, object in
            let largest = object.sizes.max() ?? 0
            let partial = object.sizes.filter { $0 < largest }.count
            return "    \(name): \(object.requests) requests, \(object.records) records, largest batch \(largest),"
                + " \(partial) smaller"
        }
    }
}
