import Registry

/// The patient list page: the filter form as submitted, the rows in the caller's view, paging.
struct PatientListView: Sendable {
    struct Row: Sendable {
        let href: String
        let recordID: String
        let pseudonym: String?
        let age: String
        let sex: String
        let status: String
        let diagnosis: String
        let site: String
        let gnas: String
    }

    struct Pager: Sendable {
        let summary: String
        let previous: String?
        let next: String?
    }

    let filters: [FormFieldView]
    let rows: [Row]
    let showPseudonym: Bool
    let canCreate: Bool
    let pager: Pager
    let problems: [String]
    let searchHint: String
    let hasProblems: Bool
}

/// Builds list rows from a patient's JSON in the caller's view (`Stored.json(_:researchKey:)`):
/// the pseudonymised view has no pseudonym, no birth date, and a hashed id.
enum PatientRow {
    static func make(_ json: JSONValue, view: View, sites: [Int64: String], knowledge: PageKnowledge, today: CivilDate?) -> PatientListView.Row {
        let o = json.objectValue ?? [:]
        let id: String = o["id"].flatMap { $0.stringValue ?? $0.intValue.map(String.init) } ?? ""
        let orpha = o["orphaCode"]?.stringValue
        let diagnosis = orpha.map { code in knowledge.diseaseName(code).map { "\($0) (\(code))" } ?? code } ?? "-"
        return PatientListView.Row(
            href: "/patients/" + id, recordID: id,
            pseudonym: view == .identified ? o["pseudonym"]?.stringValue ?? "" : nil,
            age: PatientAge.text(o, today: today), sex: o["sex"]?.stringValue ?? "-", status: o["status"]?.stringValue ?? "-",
            diagnosis: diagnosis, site: o["siteId"]?.intValue.flatMap { sites[Int64($0)] } ?? "-",
            gnas: o["gnasSequencing"]?.stringValue ?? "-")
    }
}

/// The age shown for a patient: `ageYears` of the pseudonymised view, or computed from the birth
/// date of the identified one (until the date of death).
enum PatientAge {
    static func years(_ o: [String: JSONValue], today: CivilDate?) -> Int? {
        if let years = o["ageYears"]?.intValue { return years }
        guard let birth = o["birthDate"]?.stringValue.flatMap(CivilDate.init),
              let end = o["deathDate"]?.stringValue.flatMap(CivilDate.init) ?? today else { return nil }
        return birth.completedYears(until: end)
    }

    static func text(_ o: [String: JSONValue], today: CivilDate?) -> String {
        years(o, today: today).map { "\($0) y" } ?? "-"
    }
}
