public import Clinical

/// One encounter of a patient, at a date or, when only the age is known (a published case gives
/// "seen at 11 years 2 months"), at an age. With a date, the age at the visit is computed from the
/// birth date on read.
public struct VisitFields: RecordFields {
    public static let entity = EntityKind.visit
    public static let table = "visits"
    public static let parentColumn = "patient_id"
    public static let parentTable = "patients"

    public var date: String?
    /// The age at the visit as an ISO 8601 duration (`P11Y2M`), for a visit known by age only.
    public var age: String?
    public var kind: String?
    public var notes: String?

    public init(date: String?, age: String? = nil, kind: String? = nil, notes: String? = nil) {
        self.date = date
        self.age = age
        self.kind = kind
        self.notes = notes
    }

    public static let columns: [ColumnSpec] = [
        ColumnSpec("date", .date, "date of the visit (a date or an age is required)"),
        ColumnSpec("age", .text, limits: FieldLimits(minLength: 3, maxLength: 32, pattern: "^P([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?$",
                                                     patternReason: "must be an ISO 8601 age such as P11Y2M or P3M"),
                   "age at the visit as an ISO 8601 duration such as P11Y2M, when the date is not known"),
        ColumnSpec("kind", .text, allowed: ["baseline", "follow-up", "surgery", "telephone", "other"], "kind of visit"),
        ColumnSpec("notes", .text, privacy: .freeText, limits: .text(max: 4000), "free text"),
    ]

    /// A visit needs a date or an age; only an imported visit whose source gives no time has neither.
    static let timeRequired = FieldRule.anyOf(["date", "age"])

    public static let rules: [FieldRule] = [timeRequired]

    /// The age at the visit: the stored age, else the time from `birthDate` to the date.
    public func ageAtVisit(birthDate: String?) -> Age? {
        if let age { return try? Age(iso8601: age) }
        guard let birth = birthDate.flatMap(CivilDate.init), let date = date.flatMap(CivilDate.init),
              let text = RegistryStore.ageBetween(birth, date) else { return nil }
        return try? Age(iso8601: text)
    }
}
