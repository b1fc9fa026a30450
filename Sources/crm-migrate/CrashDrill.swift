import Foundation

/// A crash on demand for the tests that prove a command resumable: with `variable=N` in the environment, the
/// process kills itself (SIGKILL) after the Nth call to Twenty has been answered and before its outcome is
/// recorded, the one moment a crash leaves an intent in doubt.
enum CrashDrill {
    /// `prepare` reads `CRM_MIGRATE_KILL_AFTER_SCHEMA_CALLS`, `run` `CRM_MIGRATE_KILL_AFTER_WRITE_CALLS` and
    /// `CRM_MIGRATE_KILL_AFTER_UPLOADS` (after the Nth file is uploaded and recorded, before its record is written).
    static func after(_ variable: String) -> (Int) throws -> Void {
        guard let text = ProcessInfo.processInfo.environment[variable], let limit = Int(text) else { return { _ in } }
        return { calls in if calls >= limit { kill(getpid(), SIGKILL) } }
    }
}
