import Composition
import Foundation
import Testing

/// The configuration file of `ossify serve`: what it sets, what it refuses and where it says so.
@Suite struct ServeOptionsTests {
    @Test func aFileSetsEveryKindOfValue() throws {
        let options = try ServeOptions.parse("""
            # the registry of centre A
            database: postgres://ossify@db.example/ossify?sslmode=verify-full&sslrootcert=/etc/ossify/ca.pem
            database-password-file: /etc/ossify/db-password
            host: 0.0.0.0
            port: 8443
            log-level: warning
            secure-cookies: true
            header-timeout: 5
            max-connections: 2000
            login-queue: 0
            database-pool: 8
            """, file: "ossify.yaml")
        #expect(options.database == "postgres://ossify@db.example/ossify?sslmode=verify-full&sslrootcert=/etc/ossify/ca.pem")
        #expect(options.databasePasswordFile == "/etc/ossify/db-password")
        #expect(options.host == "0.0.0.0")
        #expect(options.port == 8443)
        #expect(options.logLevel == .warning)
        #expect(options.secureCookies == true)
        #expect(options.headerTimeout == 5)
        #expect(options.maxConnections == 2000)
        #expect(options.loginQueue == 0)
        #expect(options.databasePool == 8)
        #expect(options.bodyTimeout == nil)
    }

    @Test func theShippedExampleIsValid() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Support/ossify.yaml")
        let options = try ServeOptions.read(file: example.path)
        #expect(options.database == "/var/lib/ossify/ossify.sqlite")
        #expect(options.secureCookies == true)
        #expect(options.port == ServeOptions.Defaults.port)
    }

    @Test func anEmptyFileSetsNothing() throws {
        #expect(try ServeOptions.parse("# nothing yet\n", file: "f") == ServeOptions())
    }

    @Test(arguments: [
        ("port: 8080\nprot: 9000\n", 2, "unknown key 'prot'"),
        ("host: a\nport: 70000\n", 2, "'port' must be 1 to 65535"),
        ("port: eighty\n", 1, "'port' must be a whole number"),
        ("port: \"8080\"\n", 1, "'port' must be a whole number"),
        ("idle-timeout: 0\n", 1, "'idle-timeout' must be 1 to 3600 seconds"),
        ("database-pool: 0\n", 1, "'database-pool' must be 1 to 1000 connections"),
        ("secure-cookies: yes\n", 1, "'secure-cookies' must be true or false"),
        ("log-level: loud\n", 1, "'log-level' must be one of"),
        ("\n\nhost:\n", 3, "'host' has no value"),
        ("host: [a, b]\n", 1, "must be a single value"),
        ("database: postgres://ossify:secret@db/ossify\n", 1, "must not hold the password"),
        ("database: postgres://db\n", 1, "'database' must be postgres://"),
    ])
    func aBadLineIsRefusedNamingFileLineAndKey(text: String, line: Int, message: String) throws {
        let error = #expect(throws: ConfigurationError.self) { try ServeOptions.parse(text, file: "/etc/ossify/ossify.yaml") }
        #expect(error?.line == line)
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
        #expect(error?.description.hasPrefix("/etc/ossify/ossify.yaml:\(line): ") == true)
    }

    @Test func aKeyGivenTwiceIsNamed() throws {
        let error = #expect(throws: ConfigurationError.self) { try ServeOptions.parse("port: 8080\nport: 9000\n", file: "c.yaml") }
        #expect(error?.description == "c.yaml:1: 'port' is given more than once")
    }

    @Test func aSyntaxErrorNamesItsLine() throws {
        let error = #expect(throws: ConfigurationError.self) { try ServeOptions.parse("port: 8080\nhost: \"open\n", file: "c.yaml") }
        #expect(error?.message.hasPrefix("is not valid YAML") == true)
        #expect(error?.line != nil)
    }

    @Test func aPasswordIsNeverEchoedInTheError() throws {
        let error = #expect(throws: ConfigurationError.self) {
            try ServeOptions.parse("database: postgres://ossify:hunter2-secret@db/ossify\n", file: "c.yaml")
        }
        #expect(error?.description.contains("hunter2") == false)
    }

    @Test func flagsOverrideTheFileAndTheFileFillsTheRest() throws {
        let file = try ServeOptions.parse("port: 9000\nhost: 0.0.0.0\nsecure-cookies: true\n", file: "f")
        var flags = ServeOptions()
        flags.port = 9100
        flags.secureCookies = false
        let merged = flags.overriding(file)
        #expect(merged.port == 9100)
        #expect(merged.host == "0.0.0.0")
        #expect(merged.secureCookies == false)
        #expect(merged.idleTimeout == nil)
    }

    @Test func theDatabasePasswordComesFromOneSourceOnly() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ossify-secret-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("db-password")
        try Data("s3cret pass\n".utf8).write(to: file)
        var options = ServeOptions()
        #expect(try options.databasePassword(environmentPassword: nil) == nil)
        #expect(try options.databasePassword(environmentPassword: "from-env") == "from-env")
        options.databasePasswordFile = file.path
        #expect(try options.databasePassword(environmentPassword: nil) == "s3cret pass")
        #expect(throws: ConfigurationError.self) { try options.databasePassword(environmentPassword: "from-env") }
        try Data("\n".utf8).write(to: file)
        #expect(throws: ConfigurationError.self) { try options.databasePassword(environmentPassword: nil) }
        options.databasePasswordFile = dir.appendingPathComponent("missing").path
        #expect(throws: ConfigurationError.self) { try options.databasePassword(environmentPassword: nil) }
    }
}
