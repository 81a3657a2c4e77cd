#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A lock on an index file, held for a command's whole read-modify-write (`index add`, exclusive)
/// or read (`index query`, shared), so two writers take turns and no batch is lost. The lock is an
/// advisory `flock` on `INDEX.lock` beside the index (the index itself is replaced by a rename on
/// every write, so it cannot carry the lock); it is released when the process ends, however it ends.
final class IndexLock {
    private let descriptor: Int32

    /// Takes the lock, waiting (and saying so on standard error) while another process holds it.
    ///
    /// - Throws: `CommandError` when the lock file cannot be opened or locked. A shared lock whose
    ///   file cannot be created (a read-only directory) is skipped: the index is only read.
    init?(index: String, exclusive: Bool) throws {
        let path = index + ".lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            if !exclusive && (errno == EACCES || errno == EROFS) { return nil }
            throw CommandError("\(path): cannot open the index's lock file: \(String(cString: strerror(errno)))")
        }
        let operation = exclusive ? LOCK_EX : LOCK_SH
        if flock(descriptor, operation | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else { throw failure(path) }
            printError("concord: \(index) is in use by another concord; waiting for it…")
            while flock(descriptor, operation) != 0 {
                guard errno == EINTR else { throw failure(path) }
            }
        }
    }

    private func failure(_ path: String) -> CommandError {
        let error = CommandError("\(path): cannot lock the index: \(String(cString: strerror(errno)))")
        close(descriptor)
        return error
    }

    deinit { close(descriptor) }
}
