import ArgumentParser
import Composition
import Registry

/// Where the registry lives, shared by `user`, `site`, `db` and `cohort`. The PostgreSQL password is
/// never a flag: it comes from `OSSIFY_DATABASE_PASSWORD` (a password in the `--database` address
/// would be readable by every user of the machine in the process list, and is refused).
struct DatabaseOptions: ParsableArguments {
    @Option(help: "SQLite file path, or postgres://user@host[:port]/database[?sslmode=MODE&sslrootcert=CA-FILE] (sslmode: disable, prefer (default), require, verify-ca, verify-full); the password from OSSIFY_DATABASE_PASSWORD.")
    var database: String = ServeOptions.Defaults.database

    var isPostgres: Bool { database.hasPrefix("postgres://") || database.hasPrefix("postgresql://") }

    func validate() throws {
        if let problem = ServeOptions.databaseProblem(database) { throw ValidationError("--database \(problem)") }
    }

    /// The PostgreSQL address with the password of the environment, or a validation error naming the flag.
    func postgresURL() throws -> PostgresURL {
        guard var url = PostgresURL(database) else {
            throw ValidationError("--database must be postgres://user@host[:port]/database"
                                  + "[?sslmode=disable|prefer|require|verify-ca|verify-full&sslrootcert=CA-FILE]")
        }
        if let password = Root.databasePassword { url.password = password }
        return url
    }
}
