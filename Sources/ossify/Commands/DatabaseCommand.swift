import ArgumentParser
import Foundation
import Phenopackets
import Ontology
import Clinical
import Registry

/// `ossify db migrate|backup|restore|seed`: operator tasks on the registry database.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Registry database: migrations, backup, restore, synthetic data.",
        subcommands: [Migrate.self, Backup.self, Restore.self, Seed.self, Export.self, ErasePatient.self])

    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Apply pending migrations.")
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            do {
                let store = try await RegistryStore.open(db.database, password: Root.databasePassword)
                let applied = try await store.migrate()
                print(applied.isEmpty ? "schema is up to date" : "applied: \(applied.joined(separator: ", "))")
                await store.close()
            } catch {
                throw RegistryExit.report(error)
            }
        }
    }

    struct Backup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a consistent online snapshot of the database to a new file (the server may keep running).",
            discussion: "SQLite: VACUUM INTO. PostgreSQL: pg_dump --format=custom, which reads one consistent snapshot.")
        @Argument(help: "The backup file to write; must not exist.")
        var output: String
        @OptionGroup var db: DatabaseOptions

        func validate() throws {
            if FileManager.default.fileExists(atPath: output) { throw ValidationError("\(output) exists; choose a new file") }
        }

        func run() async throws {
            if db.isPostgres {
                let url = try db.postgresURL()
                try PostgresTools.run("pg_dump", ["--format=custom", "--file=\(output)", "--dbname=\(url.withoutSecrets)"],
                                      environment: url.libpqEnvironment)
                print("backup written to \(output)")
                return
            }
            do {
                // The audit entries still in the spool go into the registry first, so the backup
                // holds every entry acknowledged before it started.
                let database = try SQLiteDatabase(path: db.database)
                let store = RegistryStore(database: database)
                try await store.flushAudit()
                try await database.backup(to: output)
                await store.close()
                print("backup written to \(output)")
            } catch {
                throw RegistryExit.report(RegistryError.internalFailure("\(error)"))
            }
        }
    }

    struct Restore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace the database with a backup (refused while a server uses it).",
            discussion: "SQLite: the backup is copied beside the database and renamed over it in one step. PostgreSQL: pg_restore --clean --if-exists --single-transaction, refused while other connections are open.")
        @Argument(help: "A file written by `ossify db backup`.")
        var backup: String
        @OptionGroup var db: DatabaseOptions

        func validate() throws {
            guard FileManager.default.fileExists(atPath: backup) else { throw ValidationError("\(backup) does not exist") }
        }

        func run() async throws {
            if db.isPostgres {
                let url = try db.postgresURL()
                // Refused while anything else (a server) is connected: pg_restore would replace
                // tables under it. --single-transaction makes the replacement all or nothing.
                do {
                    let store = try await RegistryStore.open(db.database, password: Root.databasePassword)
                    let others = try await store.database.read(
                        "SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
                    await store.close()
                    if let n = others.first?["n"].int, n > 0 {
                        printError("\(n) other connection(s) use the database (a running server?); stop them before a restore")
                        throw ExitCode(75)
                    }
                } catch let error as RegistryError {
                    throw RegistryExit.report(error)
                }
                try PostgresTools.run("pg_restore", ["--clean", "--if-exists", "--single-transaction", "--dbname=\(url.withoutSecrets)", backup],
                                      environment: url.libpqEnvironment)
                print("restored the database from \(backup)")
                return
            }
            // Refused while a server holds the database (it would go on writing to the old file).
            guard let lock = ServerLock.acquire(for: db.database) else {
                printError("a running ossify server is using \(db.database); stop it before a restore")
                throw ExitCode(75)
            }
            defer { withExtendedLifetime(lock) {} }
            // Check that the backup is a registry before touching the database.
            do {
                let check = try SQLiteDatabase(path: backup, auditSpool: false)
                let rows = try await check.read("SELECT COUNT(*) AS n FROM schema_migrations")
                await check.close()
                guard (rows.first?["n"].int ?? 0) > 0 else { throw SQLFailure.other("no migrations") }
            } catch {
                printError("\(backup) is not an ossify registry backup")
                throw ExitCode(65)
            }
            // The backup is copied beside the database and renamed over it in one step: at every
            // moment the path holds either the old database or the whole backup.
            let fm = FileManager.default
            let incoming = db.database + ".restoring"
            try? fm.removeItem(atPath: incoming)
            try fm.copyItem(atPath: backup, toPath: incoming)
            if let handle = FileHandle(forUpdatingAtPath: incoming) {
                try handle.synchronize()
                try handle.close()
            }
            for suffix in ["-wal", "-shm"] where fm.fileExists(atPath: db.database + suffix) {
                try fm.removeItem(atPath: db.database + suffix)
            }
            guard rename(incoming, db.database) == 0 else {
                try? fm.removeItem(atPath: incoming)
                printError("could not replace \(db.database) (errno \(errno))")
                throw ExitCode(74)
            }
            // Entries still spooled belong to the replaced database's audit log, as do the entries
            // written after the backup: they go with it.
            let spool = SQLiteDatabase.auditSpoolPath(for: db.database)
            for suffix in ["", "-wal", "-shm"] where fm.fileExists(atPath: spool + suffix) {
                try fm.removeItem(atPath: spool + suffix)
            }
            print("restored \(db.database) from \(backup)")
        }
    }

    struct ErasePatient: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "erase-patient",
            abstract: "Erase a patient for good: the record, its visits and parts, its engine results (audited).",
            discussion: "The audit log keeps no record values, so nothing identifiable remains. Take a backup first if the law allows one.")
        @Argument(help: "The patient's record id (the id of the API).")
        var id: Int64
        @Flag(help: "Confirm: the erasure cannot be undone.")
        var yes = false
        @OptionGroup var db: DatabaseOptions

        func validate() throws {
            guard id > 0 else { throw ValidationError("the record id must be a positive integer") }
            guard yes else { throw ValidationError("erasing a patient cannot be undone; add --yes to confirm") }
        }

        func run() async throws {
            do {
                let store = try await RegistryStore.open(db.database, password: Root.databasePassword)
                try await store.migrate()
                try await store.erasePatient(id, by: Principal(userID: nil, username: "ossify-cli erase-patient", role: .admin, siteID: nil))
                await store.close()
                print("erased patient \(id)")
            } catch {
                throw RegistryExit.report(error)
            }
        }
    }

    struct Seed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add synthetic patients (about ten visits each) for demos and load tests.")
        @Option(help: "Number of patients.")
        var patients: Int = 100
        @Option(help: "Visits per patient.")
        var visits: Int = 10
        @Option(help: "Seed of the generator.")
        var seed: UInt64 = 2762
        @OptionGroup var db: DatabaseOptions

        func validate() throws {
            guard (1...1_000_000).contains(patients) else { throw ValidationError("--patients must be 1 to 1000000") }
            guard (1...100).contains(visits) else { throw ValidationError("--visits must be 1 to 100") }
        }

        func run() async throws {
            do {
                let store = try await RegistryStore.open(db.database, password: Root.databasePassword)
                try await store.migrate()
                let start = ContinuousClock.now
                let written = try await Seeder(patients: patients, visitsPerPatient: visits, seed: seed)
                    .run(on: store, by: .operatorConsole) { n in print("\(n) patients") }
                print("seeded \(patients) patients, \(written) visits in \(ContinuousClock.now - start)")
                await store.close()
            } catch {
                throw RegistryExit.report(error)
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write every patient's whole record, or its GA4GH Phenopacket, as JSON lines (each read is audited).",
            discussion: "--pseudonymised writes the researchers' view: no birth date, pseudonym or free text, shifted dates, hashed ids.")
        enum Format: String, ExpressibleByArgument { case record, phenopacket }
        @Argument(help: "The JSONL file to write; must not exist.")
        var output: String
        @Flag(help: "Write the pseudonymised view.")
        var pseudonymised = false
        @Option(help: "record (the registry's JSON) or phenopacket (GA4GH Phenopacket v2, one per line).")
        var format: Format = .record
        @OptionGroup var db: DatabaseOptions

        func validate() throws {
            if FileManager.default.fileExists(atPath: output) { throw ValidationError("\(output) exists; choose a new file") }
        }

        func run() async throws {
            // Written to a temporary file beside the output and renamed at the end: a failed export
            // leaves no partial file.
            let partial = output + ".partial"
            guard FileManager.default.createFile(atPath: partial, contents: nil), let file = FileHandle(forWritingAtPath: partial) else {
                printError("cannot write \(output)")
                throw ExitCode(73)
            }
            var done = false
            defer {
                try? file.close()
                if !done { try? FileManager.default.removeItem(atPath: partial) }
            }
            do {
                // Phenopackets name the HPO release in use and carry its term labels, as the API's do.
                let kb = format == .phenopacket ? try loadKnowledgeBase() : nil
                let labs = format == .phenopacket ? try loadKnowledge { try $0.labs() } : nil
                let store = try await RegistryStore.open(db.database, password: Root.databasePassword)
                try await store.migrate()
                let who = Principal(userID: nil, username: "ossify-cli export", role: pseudonymised ? .researcher : .admin, siteID: nil)
                let view: View = pseudonymised ? .pseudonymised : .identified
                let start = ContinuousClock.now
                var offset = 0, written = 0
                while true {
                    let page = try await store.listPatients(PatientFilter(), page: Page(limit: 500, offset: offset), by: who)
                    // Reading and encoding run a few patients at a time (encoding is most of the work and
                    // uses every core); the lines are written in the page's order.
                    let ids = page.items.map(\.id)
                    var lines = [[UInt8]](repeating: [], count: ids.count)
                    try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
                        var next = 0
                        func launch() {
                            guard next < ids.count else { return }
                            let i = next, id = ids[i]
                            next += 1
                            group.addTask { (i, try await Self.line(of: id, store: store, by: who, view: view, kb: kb, labs: labs)) }
                        }
                        for _ in 0..<4 { launch() }
                        while let (i, line) = try await group.next() {
                            lines[i] = line
                            launch()
                        }
                    }
                    var chunk: [UInt8] = []
                    for line in lines {
                        chunk += line
                        chunk.append(0x0A)
                    }
                    written += ids.count
                    file.write(Data(chunk))
                    offset += page.items.count
                    if page.items.isEmpty || offset >= page.total { break }
                }
                await store.close()
                try file.synchronize()
                try FileManager.default.moveItem(atPath: partial, toPath: output)
                done = true
                print("exported \(written) patients to \(output) in \(ContinuousClock.now - start)")
            } catch let error as RegistryError {
                throw RegistryExit.report(error)
            }
        }

        /// One patient's JSON line (without the newline): the record's JSON, or its phenopacket
        /// when a knowledge base is given.
        static func line(of patient: Int64, store: RegistryStore, by who: Principal, view: View, kb: KnowledgeBase?,
                         labs: LabKnowledge?) async throws(RegistryError) -> [UInt8] {
            let document = try await store.document(patient: patient, by: who)
            guard let kb else { return document.json(view).serialized() }
            let packet = document.phenopacket(view: view, fallbackID: "patient-\(patient)", hpoVersion: kb.release.hpoVersion,
                                              termLabel: { kb.term($0)?.name ?? labs?.assayLabel($0.description) })
            guard let data = try? packet.jsonData(pretty: false) else {
                throw RegistryError.internalFailure("a phenopacket could not be encoded")
            }
            return Array(data)
        }
    }
}

/// PostgreSQL's own client tools (Debian's postgresql-client), for backup and restore: pg_dump reads
/// one consistent snapshot while the server runs. Their messages go to standard error as they are.
enum PostgresTools {
    /// Runs a tool with `environment` added to this process's (the password travels there, never
    /// on the command line, where every user of the machine can read it).
    static func run(_ tool: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        do {
            try process.run()
        } catch {
            printError("\(tool) could not be started; install Debian's postgresql-client")
            throw ExitCode(69)
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            printError("\(tool) failed (exit \(process.terminationStatus))")
            throw ExitCode(74)
        }
    }
}
