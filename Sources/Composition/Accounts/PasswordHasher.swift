import HummingbirdBcrypt
import NIOPosix

/// bcrypt from hummingbird-auth, run on NIO's thread pool so the event loop never does the work.
public struct PasswordHasher: Sendable {
    /// The bcrypt cost; tests lower it.
    public let cost: UInt8

    public init(cost: UInt8 = 12) { self.cost = cost }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
