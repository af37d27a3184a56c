public import Clinical

/// Times that must agree across records: nothing recorded happens before birth, after death or
/// after today; a feature does not start after the visit that records it; a visit's age is not
/// more than the patient's age today, and agrees with its date when both are given. The per-record
/// rules (`FieldRule`) cannot see the patient or the visit; the store and the import call these
/// with them, in one place. A problem names the field and never repeats a value.
public enum TimeConsistency {
    /// Ages compared from dates and ISO ages meet within this many days: an age in years and
    /// months (P11Y2M) is a month wide, and `Age.totalDays` counts a month as 30.4375 days.
    static let slackDays = 31.0

    /// What the checks know of the patient.
    public struct Patient: Sendable {
        public var birthDate: CivilDate?
        public var deathDate: CivilDate?
        public init(birthDate: String?, deathDate: String?) {
            self.birthDate = birthDate.flatMap(CivilDate.init)
            self.deathDate = deathDate.flatMap(CivilDate.init)
        }
    }

    /// A date of the patient's record: not after today, not before birth, not after death.
    static func date(_ field: String, _ text: String?, _ patient: Patient, today: CivilDate) -> [FieldProblem] {
        guard let date = text.flatMap(CivilDate.init) else { return [] }
        var problems: [FieldProblem] = []
        if date > today { problems.append(FieldProblem(field, "is in the future")) }
        if let birth = patient.birthDate, date < birth { problems.append(FieldProblem(field, "is before the patient's date of birth")) }
        if let death = patient.deathDate, date > death { problems.append(FieldProblem(field, "is after the patient's date of death")) }
        return problems
    }

    /// The patient's own dates: birth and death not in the future (the order of the others
    /// against the birth date is a `FieldRule`), and no visit already recorded before the birth
    /// date (`earliestVisit`, on update).
    public static func patient(_ fields: PatientFields, earliestVisit: String?, today: CivilDate) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        for (field, value) in [("birthDate", fields.birthDate), ("deathDate", fields.deathDate),
                               ("firstContactDate", fields.firstContactDate), ("onsetDate", fields.onsetDate),
                               ("diagnosisDate", fields.diagnosisDate)] {
            if let date = value.flatMap(CivilDate.init), date > today { problems.append(FieldProblem(field, "is in the future")) }
        }
        if let birth = fields.birthDate.flatMap(CivilDate.init), let first = earliestVisit.flatMap(CivilDate.init), first < birth {
            problems.append(FieldProblem("birthDate", "is after the date of a visit already recorded"))
        }
        return problems
    }

    /// A visit: its date within the patient's life and not in the future; its age not more than
    /// the patient's age today (or at death) and, with a date too, the age of that date.
    public static func visit(_ fields: VisitFields, _ patient: Patient, today: CivilDate) -> [FieldProblem] {
        var problems = date("date", fields.date, patient, today: today)
        guard let age = fields.age.flatMap({ try? Age(iso8601: $0) }), let birth = patient.birthDate else { return problems }
        let limit = min(today, patient.deathDate ?? today)
        if age.totalDays > Double(limit.dayNumber - birth.dayNumber) + slackDays {
            problems.append(FieldProblem("age", patient.deathDate == nil ? "is more than the patient's age today"
                                                                          : "is more than the patient's age at death"))
        }
        if let date = fields.date.flatMap(CivilDate.init), date >= birth,
           abs(age.totalDays - Double(date.dayNumber - birth.dayNumber)) > slackDays {
            problems.append(FieldProblem("age", "does not agree with the date of the visit and the date of birth"))
        }
        return problems
    }

    /// A feature's onset (an ISO age; an HPO onset term is a class, not checked) not after the age
    /// at the visit that records it.
    public static func onset(_ onset: String?, visitAge: Age?) -> [FieldProblem] {
        guard let text = onset, text.hasPrefix("P"), let age = try? Age(iso8601: text), let visitAge,
              age.totalDays > visitAge.totalDays + slackDays else { return [] }
        return [FieldProblem("onset", "is later than the patient's age at the visit")]
    }

    /// A procedure's dates within the patient's life and not in the future.
    public static func procedure(_ fields: ProcedureFields, _ patient: Patient, today: CivilDate) -> [FieldProblem] {
        date("date", fields.date, patient, today: today) + date("recurrenceDate", fields.recurrenceDate, patient, today: today)
    }
}
