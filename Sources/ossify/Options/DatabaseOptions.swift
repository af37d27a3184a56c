import ArgumentParser
import Registry

/// Where the registry lives, shared by `serve`, `user` and `db`.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "SQLite file path, or postgres://user[:password]@host[:port]/database[?sslmode=MODE&sslrootcert=CA-FILE] (sslmode: disable, prefer (default), require, verify-ca, verify-full).")
    var database: String = "./ossify.sqlite"

    var isPostgres: Bool { database.hasPrefix("postgres://") || database.hasPrefix("postgresql://") }

    /// The PostgreSQL address, or a validation error naming the flag.
    func postgresURL() throws -> PostgresURL {
        guard let url = PostgresURL(database) else {
            throw ValidationError("--database must be postgres://user[:password]@host[:port]/database"
                                  + "[?sslmode=disable|prefer|require|verify-ca|verify-full&sslrootcert=CA-FILE]")
        }
        return url
    }
}
