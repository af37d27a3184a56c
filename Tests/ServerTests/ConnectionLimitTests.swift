import Hummingbird
import HummingbirdTesting
import NIOCore
import Registry
@testable import Server
import Testing

/// Slow and idle clients against a live server on a socket.
@Suite("Connection limits", .serialized)
struct ConnectionLimitTests {
    /// Runs `body` with the port of a live server with `limits`, over an empty in-memory registry.
    static func live(_ limits: ConnectionLimits, _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        let store = RegistryStore(database: try SQLiteDatabase())
        try await store.migrate()
        let settings = ServerSettings(host: "127.0.0.1", port: 0, bcryptCost: 4, logLevel: .error, limits: limits)
        let app = try await buildApplication(store: store, settings: settings, engines: nil)
        // The test client's own connection is idle, so the deadlines under test may close it; its
        // teardown then fails with I/O on a closed channel, which is no failure of the test.
        let outcome: Result<Void, any Error>
        do {
            outcome = try await app.test(.live) { client -> Result<Void, any Error> in
                do {
                    try await body(try #require(client.port))
                    return .success(())
                } catch {
                    return .failure(error)
                }
            }
        } catch ChannelError.ioOnClosedChannel {
            outcome = .success(())
        }
        await store.close()
        try outcome.get()
    }

    @Test func partialHeadersAreClosedAtTheHeaderTimeout() async throws {
        try await Self.live(ConnectionLimits(headerTimeout: .seconds(4), idleTimeout: .seconds(30))) { port in
            let start = ContinuousClock.now
            let slow = try await RawConnection.open(port: port)
            try await slow.send("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
            // Trickling more header bytes does not move the deadline (a reset here would close at
            // 7.5 s; the 3.5 s between the two leave room for a loaded CI machine).
            try await Task.sleep(for: .milliseconds(3500))
            try? await slow.send("a")
            _ = try #require(await slow.waitForClose(within: .seconds(10)), "still open after 10 s")
            let closedAfter = ContinuousClock.now - start
            #expect(closedAfter >= .milliseconds(3900) && closedAfter < .milliseconds(7000))
            #expect(!slow.text.contains("200 OK"))
            // Everyone else is still served.
            #expect(try await RawConnection.request(port: port).hasPrefix("HTTP/1.1 200"))
        }
    }

    @Test func aBodyThatNeverCompletesIsClosedAtTheBodyTimeout() async throws {
        try await Self.live(ConnectionLimits(bodyTimeout: .seconds(1), idleTimeout: .seconds(30))) { port in
            let slow = try await RawConnection.open(port: port)
            try await slow.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"user")
            // A byte every 300 ms would keep a per-read idle timer alive forever.
            for _ in 0..<3 {
                try await Task.sleep(for: .milliseconds(300))
                try? await slow.send(" ")
            }
            let closedAfter = try #require(await slow.waitForClose(within: .seconds(5)), "still open after 5 s")
            #expect(closedAfter < .seconds(2))
        }
    }

    @Test func aDeclaredBodyOverTheLimitIsAnswered413AtOnce() async throws {
        try await Self.live(ConnectionLimits()) { port in
            let big = try await RawConnection.open(port: port)
            try await big.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Length: 52428800\r\n\r\n0123456789")
            let deadline = ContinuousClock.now + .seconds(5)
            while !big.text.contains("\r\n\r\n"), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(big.text.hasPrefix("HTTP/1.1 413"))
            #expect(big.text.contains("application/problem+json"))
            await big.close()
        }
    }

    @Test func idleKeptAliveConnectionsAreClosedAtTheIdleTimeout() async throws {
        try await Self.live(ConnectionLimits(headerTimeout: .seconds(30), idleTimeout: .seconds(1))) { port in
            let idle = try await RawConnection.open(port: port)
            try await idle.send("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let closedAfter = try #require(await idle.waitForClose(within: .seconds(5)), "still open after 5 s")
            #expect(closedAfter < .seconds(2))
            #expect(idle.text.hasPrefix("HTTP/1.1 200"))
        }
    }

    @Test func connectionsOverTheCapAreRefusedWith503() async throws {
        try await Self.live(ConnectionLimits(headerTimeout: .seconds(10), maxConnections: 3)) { port in
            // The test client holds one connection; two idle ones fill the cap.
            let held = [try await RawConnection.open(port: port), try await RawConnection.open(port: port)]
            try await Task.sleep(for: .milliseconds(200))
            var refused = 0
            for _ in 0..<3 {
                let reply = try await RawConnection.request(port: port)
                if reply.hasPrefix("HTTP/1.1 503") {
                    refused += 1
                    #expect(reply.lowercased().contains("retry-after: 1"))
                    #expect(reply.contains("application/problem+json"))
                } else {
                    #expect(reply.hasPrefix("HTTP/1.1 200"))
                }
            }
            #expect(refused >= 2)
            for connection in held { await connection.close() }
            // Room again once they are gone.
            var served = false
            for _ in 0..<50 where !served {
                served = try await RawConnection.request(port: port).hasPrefix("HTTP/1.1 200")
                if !served { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(served)
        }
    }

    @Test func deadlinesStateMachine() {
        var m = RequestDeadlines(ConnectionLimits(headerTimeout: .seconds(10), bodyTimeout: .seconds(60), idleTimeout: .seconds(30)))
        let t0 = NIODeadline.uptimeNanoseconds(1_000_000_000)
        #expect(m.connected(now: t0) == .schedule(t0 + .seconds(10)))
        #expect(m.connected(now: t0 + .seconds(1)) == .none)
        #expect(m.timerFired(now: t0 + .seconds(10)) == .close)
        #expect(m.headRead(now: t0 + .seconds(2)) == .schedule(t0 + .seconds(62)))
        #expect(m.timerFired(now: t0 + .seconds(61)) == .schedule(t0 + .seconds(62)))
        #expect(m.endRead(now: t0 + .seconds(3)) == .cancel)
        #expect(m.timerFired(now: t0 + .seconds(100)) == .none)
        #expect(m.responseEnded(now: t0 + .seconds(4)) == .schedule(t0 + .seconds(34)))
        // Answered before its body was read (a 413): the body deadline stays.
        #expect(m.headRead(now: t0 + .seconds(5)) == .schedule(t0 + .seconds(65)))
        #expect(m.responseEnded(now: t0 + .seconds(6)) == .none)
        #expect(m.timerFired(now: t0 + .seconds(65)) == .close)
    }
}
