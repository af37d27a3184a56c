/// A value bound to or read from a SQL statement: the four storage classes both stores share.
/// Booleans are stored as integers 0 and 1 (a CHECK constraint keeps them so).
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    public init(_ value: String?) { self = value.map(SQLValue.text) ?? .null }
    public init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
    public init(_ value: Int64?) { self = value.map(SQLValue.integer) ?? .null }
    public init(_ value: Bool?) { self = value.map { .integer($0 ? 1 : 0) } ?? .null }

    public var int64: Int64? {
        switch self {
        case .integer(let v): v
        case .real(let v): Int64(exactly: v)
        case .text(let s): Int64(s)
        case .null: nil
        }
    }

    public var int: Int? { int64.map { Int($0) } }

    public var double: Double? {
        switch self {
        case .integer(let v): Double(v)
        case .real(let v): v
        case .text(let s): Double(s)
        case .null: nil
        }
    }

    public var string: String? {
        switch self {
        case .text(let s): s
        case .integer(let v): String(v)
        case .real(let v): String(v)
        case .null: nil
        }
    }

    public var bool: Bool? { int64.map { $0 != 0 } }
    public var isNull: Bool { self == .null }
}

/// One result row: values by lower-case column name.
public struct SQLRow: Sendable, Hashable {
    public var values: [String: SQLValue]

    public init(_ values: [String: SQLValue]) { self.values = values }

    public subscript(_ column: String) -> SQLValue { values[column] ?? .null }
}

/// A statement with `?` placeholders and the values bound to them, in order. Values are never
/// spliced into the text, so they cannot change the statement and never appear in error texts.
public struct SQLQuery: Sendable {
    public var sql: String
    public var binds: [SQLValue]
    /// Set on the statements of the hot paths, whose text never changes: PostgreSQL runs them as
    /// named prepared statements (planned once per connection). SQLite caches every statement.
    public var prepared: PreparedStatementKey?

    public init(_ sql: String, _ binds: [SQLValue] = [], prepared: PreparedStatementKey? = nil) {
        self.sql = sql
        self.binds = binds
        self.prepared = prepared
    }

    /// The text with PostgreSQL's numbered placeholders `$1, $2, ...` in place of `?`.
    /// Statements written for both stores contain no `?` inside string literals.
    public var numberedPlaceholders: String {
        var out = ""
        out.reserveCapacity(sql.count + binds.count * 2)
        var n = 0
        for ch in sql {
            if ch == "?" {
                n += 1
                out += "$\(n)"
            } else {
                out.append(ch)
            }
        }
        return out
    }
}

/// The statements prepared once per PostgreSQL connection.
public enum PreparedStatementKey: Sendable, Hashable {
    /// The batch that reads a whole patient record (`RegistryStore.documentQueries`).
    case document
    /// The session lookup of every request.
    case principal
    /// The audit entry of every read.
    case audit
}
