import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The crash point the crash-matrix tests sweep over calls: with `CRM_MIGRATE_CRASH_AFTER_HTTP_CALLS=N` in the
/// environment, the process kills itself (SIGKILL) as the Nth HTTP exchange of any client ends, before its answer
/// is used: for a write, the moment that leaves it in doubt. Retries count as exchanges. Read once; unset, an
/// exchange pays one comparison.
enum CallCrashPoint {
    static let variable = "CRM_MIGRATE_CRASH_AFTER_HTTP_CALLS"
    private static let limit: Int? = ProcessInfo.processInfo.environment[variable].flatMap { Int($0) }
    private static let answeredCalls = Atomic<Int>(0)

    static func answered() {
        guard let limit else { return }
        if answeredCalls.add(1, ordering: .relaxed).newValue >= limit { kill(getpid(), SIGKILL) }
    }
}
