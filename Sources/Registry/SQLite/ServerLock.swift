#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock on `<database>.serve-lock` that `ossify serve` holds on a SQLite registry for
/// as long as it runs (`flock`, released by the kernel when the process ends, even by `kill -9`),
/// so that `db restore` can refuse to replace a database a server is using.
public final class ServerLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    public static func path(for database: String) -> String { database + ".serve-lock" }

    /// Takes the lock; nil when another process holds it (or the lock file cannot be opened).
    public static func acquire(for database: String) -> ServerLock? {
        let fd = open(path(for: database), O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        return ServerLock(descriptor: fd)
    }
}
