/// One encounter of a patient. The age at the visit is computed from the birth date on read.
public struct VisitFields: RecordFields {
    public static let entity = EntityKind.visit
    public static let table = "visits"
    public static let parentColumn = "patient_id"
    public static let parentTable = "patients"

    public var date: String
    public var kind: String?
    public var notes: String?

    public init(date: String, kind: String? = nil, notes: String? = nil) {
        self.date = date
        self.kind = kind
        self.notes = notes
    }

    public static let columns: [ColumnSpec] = [
        ColumnSpec("date", .date, required: true, "date of the visit"),
        ColumnSpec("kind", .text, allowed: ["baseline", "follow-up", "surgery", "telephone", "other"], "kind of visit"),
        ColumnSpec("notes", .text, privacy: .freeText, limits: .text(max: 4000), "free text"),
    ]
}
