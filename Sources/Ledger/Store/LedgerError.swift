import CanonicalJSON
import SQLite

/// What can go wrong opening, appending to or reading a ledger, as one sentence a person can act on.
public enum LedgerError: Error, CustomStringConvertible {
    case writerLockHeld(path: String, pid: Int32?)
    case cannotLock(path: String, reason: String)
    case alreadyExists(path: String)
    case notALedger(path: String)
    case newerSchema(path: String, unknownMigration: String)
    case migrationFailed(name: String, underlying: SQLiteError)
    case undecodablePayload(seq: Int64, type: String, reason: String)
    case unknownEventType(seq: Int64, type: String)
    case encodingFailed(type: EventType, reason: String)
    case headMoved(expected: Int64, found: Int64)
    case sqlite(SQLiteError)

    public var description: String {
        switch self {
        case .writerLockHeld(let path, let pid):
            let holder = pid.map { "process \($0)" } ?? "another process"
            return "the ledger \(path) is being written by \(holder); only one command may write a project at a time"
                + " (wait for it to finish, or stop it)"
        case .cannotLock(let path, let reason):
            return "cannot take the writer lock \(path): \(reason)"
        case .alreadyExists(let path):
            return "a ledger already exists at \(path); open it instead of creating a new one"
        case .notALedger(let path):
            return "\(path) is not a crm-migrate ledger (no events table); run `crm-migrate init` to create a project"
        case .newerSchema(let path, let name):
            return "\(path) was written by a newer crm-migrate (it has schema migration \(name), unknown to this"
                + " version); upgrade crm-migrate to open it"
        case .migrationFailed(let name, let error):
            return "schema migration \(name) failed: \(error.message)"
        case .undecodablePayload(let seq, let type, let reason):
            return "event \(seq) (\(type)) has a payload this version cannot read: \(reason)"
        case .unknownEventType(let seq, let type):
            return "event \(seq) has the unknown type \"\(type)\"; it was written by a newer crm-migrate"
        case .encodingFailed(let type, let reason):
            return "cannot encode a \(type.rawValue) event: \(reason)"
        case .headMoved(let expected, let found):
            return "the ledger changed under this writer (expected last event \(expected), found \(found))"
        case .sqlite(let error):
            return error.description
        }
    }
}
