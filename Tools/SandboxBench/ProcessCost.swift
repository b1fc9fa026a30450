import Foundation

/// What the process has spent so far, in figures the machine's load does not move: CPU time (user and system,
/// every thread: server, workspace, checkpointer and the in-process client alike) and bytes handed to `write`
/// calls (WAL frames, checkpoint copies, sockets), from getrusage and /proc/self/io (Linux).
struct ProcessCost {
    let cpuSeconds: Double
    let bytesWritten: Int?

    static func now() -> ProcessCost {
        var usage = rusage()
        // Glibc imports RUSAGE_SELF as an enum case; getrusage takes its raw value.
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return ProcessCost(
            cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime), bytesWritten: writeCharacters())
    }

    /// `wchar`: bytes passed to write-like system calls, whether or not they reached the disk yet.
    private static func writeCharacters() -> Int? {
        guard let io = try? String(contentsOfFile: "/proc/self/io", encoding: .utf8) else { return nil }
        for line in io.split(separator: "\n") where line.hasPrefix("wchar:") {
            return Int(line.dropFirst("wchar:".count).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }
}
