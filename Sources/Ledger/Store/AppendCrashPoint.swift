import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The crash point the crash-matrix tests sweep: with `CRM_MIGRATE_CRASH_AFTER_APPENDS=N` in the environment, the
/// process kills itself (SIGKILL: no cleanup, no flush, as a power cut or the OOM killer would) the moment its Nth
/// append has committed, whichever command is appending. The variable is read once; unset, an append pays one
/// comparison.
enum AppendCrashPoint {
    static let variable = "CRM_MIGRATE_CRASH_AFTER_APPENDS"
    private static let limit: Int? = ProcessInfo.processInfo.environment[variable].flatMap { Int($0) }
    private static let committedAppends = Atomic<Int>(0)

    /// Called once per committed append (one transaction, however many events it holds).
    static func committed() {
        guard let limit else { return }
        if committedAppends.add(1, ordering: .relaxed).newValue >= limit { kill(getpid(), SIGKILL) }
    }
}
