import ArgumentParser

/// Where the registry lives, shared by `serve`, `user` and `db`.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "SQLite file path, or postgres://user[:password]@host[:port]/database.")
    var database: String = "./ossify.sqlite"

    var isPostgres: Bool { database.hasPrefix("postgres://") || database.hasPrefix("postgresql://") }
}
