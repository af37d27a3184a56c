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

/// One result row: values by lower-case column name. The rows of one statement share one
/// `SQLColumns` (the names and their positions), so a row is an array of values, not a dictionary
/// of its own (reading a cohort builds hundreds of thousands of rows).
public struct SQLRow: Sendable, Hashable {
    public let columns: SQLColumns
    public let cells: [SQLValue]

    public init(columns: SQLColumns, cells: [SQLValue]) {
        self.columns = columns
        self.cells = cells
    }

    public init(_ values: [String: SQLValue]) {
        let names = Array(values.keys)
        self.init(columns: SQLColumns(names), cells: names.map { values[$0] ?? .null })
    }

    /// Rows from (name, value) pairs, sharing one `SQLColumns` while the names stay the same.
    public static func rows(_ pairs: some Sequence<[(String, SQLValue)]>) -> [SQLRow] {
        var columns = SQLColumns([])
        return pairs.map { row in
            let names = row.map(\.0)
            if names != columns.names { columns = SQLColumns(names) }
            return SQLRow(columns: columns, cells: row.map(\.1))
        }
    }

    public subscript(_ column: String) -> SQLValue {
        guard let i = columns.position[column], i < cells.count else { return .null }
        return cells[i]
    }

    /// The row as a dictionary of column name to value.
    public var values: [String: SQLValue] {
        Dictionary(zip(columns.names, cells), uniquingKeysWith: { $1 })
    }

    public static func == (a: SQLRow, b: SQLRow) -> Bool { a.values == b.values }
    public func hash(into hasher: inout Hasher) { hasher.combine(values) }
}

/// The column names of a result, lower case, and the position of each (the last of a repeated
/// name, as when the row was a dictionary).
public final class SQLColumns: Sendable {
    public let names: [String]
    let position: [String: Int]

    public init(_ names: [String]) {
        self.names = names
        var position: [String: Int] = [:]
        for (i, name) in names.enumerated() { position[name] = i }
        self.position = position
    }
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
    /// The owner and revision of a patient, read before a cached record is served.
    case revision
}
