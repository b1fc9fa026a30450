import CanonicalJSON
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The single-writer rule of a project: an exclusive `flock` on a lock file that holds the writer's pid.
///
/// `flock` is released by the kernel when the holder dies, even by SIGKILL, so a crashed run never leaves a
/// stale lock; the pid inside is only for the message a refused writer prints.
final class WriterLock {
    let path: String
    private let descriptor: Int32

    init(path: String) throws {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw LedgerError.cannotLock(path: path, reason: String(cString: strerror(errno)))
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let reason = errno
            let holder = WriterLock.readPid(descriptor)
            close(descriptor)
            if reason == EWOULDBLOCK { throw LedgerError.writerLockHeld(path: path, pid: holder) }
            throw LedgerError.cannotLock(path: path, reason: String(cString: strerror(reason)))
        }
        ftruncate(descriptor, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func readPid(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, 31, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self)
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
