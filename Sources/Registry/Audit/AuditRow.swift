/// One audit entry as it is written: who, when, which action on which entity, and the summary of
/// `AuditImage` (never record values).
struct AuditRow: Sendable, Equatable {
    var at: String
    var userID: Int64?
    var username: String
    var action: AuditAction
    var entity: EntityKind
    var recordID: String?
    var patientID: Int64?
    var before: String?
    var after: String?

    /// The columns of `audit_log` (and of the SQLite audit spool) in the order of `binds`.
    static let columns = "at, user_id, username, action, entity, record_id, patient_id, before_json, after_json"

    var binds: [SQLValue] {
        [.text(at), SQLValue(userID), .text(username), .text(action.rawValue), .text(entity.rawValue),
         SQLValue(recordID), SQLValue(patientID), SQLValue(before), SQLValue(after)]
    }

    /// A row read back from the SQLite audit spool; nil when it is not a whole entry.
    init?(row: SQLRow) {
        guard let at = row["at"].string, let username = row["username"].string,
              let action = row["action"].string.flatMap(AuditAction.init),
              let entity = row["entity"].string.flatMap(EntityKind.init) else { return nil }
        self.init(at: at, userID: row["user_id"].int64, username: username, action: action, entity: entity,
                  recordID: row["record_id"].string, patientID: row["patient_id"].int64,
                  before: row["before_json"].string, after: row["after_json"].string)
    }

    init(at: String, userID: Int64?, username: String, action: AuditAction, entity: EntityKind, recordID: String?,
         patientID: Int64?, before: String?, after: String?) {
        self.at = at
        self.userID = userID
        self.username = username
        self.action = action
        self.entity = entity
        self.recordID = recordID
        self.patientID = patientID
        self.before = before
        self.after = after
    }

    /// Rows per INSERT: 9 binds each stays far below SQLite's (32,766) and PostgreSQL's (65,535)
    /// limits on bound parameters.
    static let rowsPerStatement = 200

    /// `INSERT INTO table (columns) VALUES (?, ...), ...` for `rows` rows.
    static func insertSQL(rows: Int, into table: String) -> String {
        let tuple = "(" + Array(repeating: "?", count: 9).joined(separator: ", ") + ")"
        return "INSERT INTO \(table) (\(columns)) VALUES " + Array(repeating: tuple, count: rows).joined(separator: ", ")
    }

    /// Multi-row INSERTs of `rows` into `table`, in order: one statement per `rowsPerStatement`
    /// rows, so a batch costs a few statements, not one per entry. A single row into `audit_log`
    /// is the prepared statement of the writes' entries.
    static func inserts(_ rows: some Collection<AuditRow>, into table: String) -> [SQLQuery] {
        var queries: [SQLQuery] = []
        var start = rows.startIndex
        while start != rows.endIndex {
            let end = rows.index(start, offsetBy: rowsPerStatement, limitedBy: rows.endIndex) ?? rows.endIndex
            let chunk = rows[start..<end]
            queries.append(SQLQuery(insertSQL(rows: chunk.count, into: table), chunk.flatMap(\.binds),
                                    prepared: chunk.count == 1 && table == "audit_log" ? .audit : nil))
            start = end
        }
        return queries
    }
}
