import Foundation

/// The process's resident set size, from /proc/self/status (Linux), in kibibytes.
enum ResidentMemory {
    static func kibibytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }

    static func describe(_ kibibytes: Int?) -> String {
        kibibytes.map { String(format: "%.1f MiB", Double($0) / 1024) } ?? "unknown"
    }
}
