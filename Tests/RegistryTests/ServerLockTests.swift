import FoundationEssentials
@testable import Registry
import Testing

@Suite("The serve lock of a SQLite registry")
struct ServerLockTests {
    @Test func aSecondHolderIsRefusedUntilTheFirstLetsGo() throws {
        let path = "/tmp/ossify-lock-test-\(UInt64.random(in: 0...UInt64.max)).sqlite"
        defer { try? FileManager.default.removeItem(atPath: ServerLock.path(for: path)) }
        var first = ServerLock.acquire(for: path)
        #expect(first != nil)
        #expect(ServerLock.acquire(for: path) == nil, "a restore must see the server's lock")
        first = nil
        #expect(ServerLock.acquire(for: path) != nil)
        _ = first
    }
}
