import Clinical
import Registry

/// The patient page: the header facts, the timeline of visits with their parts (procedures and
/// recurrences marked), the places of the body map and the charts, and for clinicians the forms.
/// Built from the record's JSON in the caller's view (`PatientDocument.json`), so a researcher's
/// page holds exactly what the registry's pseudonymisation lets through.
struct PatientPageView: Sendable {
    struct Fact: Sendable {
        let id: String
        let label: String
        let value: String
    }

    struct Term: Sendable {
        let id: String
        let name: String
        let definition: String?
        let status: String
        let qualifiers: String
        var deleteAction: String? = nil
        var editHref: String? = nil
        var version: String? = nil
    }

    struct Line: Sendable {
        let text: String
        var note: String? = nil
        var flag: String? = nil
        var flagClass: String? = nil
        /// On the visit page: where the delete button posts, and the version it sends.
        var deleteAction: String? = nil
        var editHref: String? = nil
        var version: String? = nil
    }

    struct PartList: Sendable {
        let heading: String
        let cssClass: String
        let lines: [Line]
    }

    struct Mark: Sendable {
        let kind: String
        let cssClass: String
        let text: String
    }

    struct VisitEntry: Sendable {
        let anchor: String
        let href: String?
        let date: String
        let kind: String
        let age: String?
        let notes: String?
        let marks: [Mark]
        let phenotypes: [Term]
        let hasPhenotypes: Bool
        let lists: [PartList]
    }

    let title: String
    let recordID: String
    let pseudonymised: Bool
    let facts: [Fact]
    let visits: [VisitEntry]
    let canEdit: Bool
    let editPatientHref: String
    /// The API's phenopacket of this record (a GET, which the session cookie authorises).
    let phenopacketHref: String
    let addVisitAction: String
    let addVisit: [FormFieldView]
    let addVisitErrors: Bool
    /// Stored engine results, newest first; where the run buttons post.
    let assessments: [AssessmentEntry]
    let diagnoseAction: String
    let assessAction: String
    /// The body maps and charts (`Figures`), from the same JSON as the rest of the page.
    let figures: PatientFigures
}

extension PatientPageView {
    /// The page of one record. `addVisitValues`/`addVisitErrors`: the add-visit form shown again.
    static func make(_ record: JSONValue, view: View, knowledge: PageKnowledge, today: CivilDate?,
                     addVisitValues: [String: String] = [:], addVisitErrors: FieldErrors = FieldErrors([])) -> PatientPageView {
        let patient = record["patient"]?.objectValue ?? [:]
        let recordID = patient["id"].flatMap { $0.stringValue ?? $0.intValue.map(String.init) } ?? ""
        let sex = patient["sex"]?.stringValue.flatMap(Sex.init) ?? .unknown
        let visitsJSON = record["visits"]?.arrayValue ?? []
        var facts: [Fact] = []
        func fact(_ id: String, _ label: String, _ value: String?) {
            if let value, !value.isEmpty { facts.append(Fact(id: id, label: label, value: value)) }
        }
        if view == .identified { fact("fact-pseudonym", "Pseudonym", patient["pseudonym"]?.stringValue) }
        fact("fact-record", "Record id", recordID)
        fact("fact-age", "Age", PatientAge.years(patient, today: today).map { "\($0) years" })
        fact("fact-sex", "Sex", sex.rawValue)
        fact("fact-status", "Status", patient["status"]?.stringValue)
        fact("fact-diagnosis", "Diagnosis", diagnosis(patient, visitsJSON, knowledge: knowledge))
        let variant = latestGNASVariant(visitsJSON)
        fact("fact-gnas-variant", "GNAS variant", variant.flatMap { $0["hgvs"]?.stringValue ?? $0["label"]?.stringValue }
             ?? patient["geneticHgvs"]?.stringValue)
        fact("fact-parent-of-origin", "Parent of origin", variant?["parentOfOrigin"]?.stringValue)
        for key in PatientFormView.testKeys {
            let label = PatientFields.columns.first { $0.key == key }.map { RecordForm.label($0.summary) } ?? key
            fact("fact-" + key, label, patient[key].flatMap { $0.stringValue ?? ($0 == .bool(true) ? "yes" : $0 == .bool(false) ? "no" : nil) })
        }
        let visits = visitsJSON.map { visitEntry($0.objectValue ?? [:], view: view, sex: sex, knowledge: knowledge) }
        let pseudonym = patient["pseudonym"]?.stringValue
        return PatientPageView(
            title: view == .identified ? "Patient \(pseudonym ?? recordID)" : "Patient \(recordID) (pseudonymised)",
            recordID: recordID, pseudonymised: view == .pseudonymised, facts: facts, visits: visits,
            canEdit: view == .identified, editPatientHref: "/patients/\(recordID)/edit",
            phenopacketHref: "/api/v1/patients/\(recordID)/phenopacket", addVisitAction: "/patients/\(recordID)/visits",
            addVisit: RecordForm.fields(VisitFields.self, values: addVisitValues, errors: addVisitErrors.byField, formID: "visit"),
            addVisitErrors: !addVisitErrors.byField.isEmpty,
            assessments: (record["assessments"]?.arrayValue ?? []).reversed().map(AssessmentEntry.init),
            diagnoseAction: "/patients/\(recordID)/diagnose", assessAction: "/patients/\(recordID)/assess",
            figures: PatientFigures.make(record, sex: sex, knowledge: knowledge))
    }

    /// The latest confirmed or suspected diagnosis of the visits, with its status; else the
    /// registration's ORPHA code.
    static func diagnosis(_ patient: [String: JSONValue], _ visits: [JSONValue], knowledge: PageKnowledge) -> String? {
        for visit in visits.reversed() {
            for d in (visit["diagnoses"]?.arrayValue ?? []).reversed() {
                guard let code = d["code"]?.stringValue else { continue }
                let name = d["label"]?.stringValue ?? knowledge.diseaseName(code)
                return (name.map { "\($0) (\(code))" } ?? code) + ", " + (d["status"]?.stringValue ?? "status not given")
            }
        }
        return patient["orphaCode"]?.stringValue.map { code in
            (knowledge.diseaseName(code).map { "\($0) (\(code))" } ?? code) + ", registered diagnosis"
        }
    }

    static func latestGNASVariant(_ visits: [JSONValue]) -> [String: JSONValue]? {
        for visit in visits.reversed() {
            for v in (visit["variants"]?.arrayValue ?? []).reversed() {
                let gene = v["gene"]?.stringValue?.uppercased()
                let hgvs = v["hgvs"]?.stringValue ?? ""
                if gene == "GNAS" || hgvs.hasPrefix("NM_000516") || hgvs.contains("(GNAS)") { return v.objectValue }
            }
        }
        return nil
    }

    /// One visit and its parts; `actions`: with the delete buttons of the visit page.
    static func visitEntry(_ v: [String: JSONValue], view: View, sex: Sex, knowledge: PageKnowledge, actions: Bool = false) -> VisitEntry {
        let id = v["id"].flatMap { $0.stringValue ?? $0.intValue.map(String.init) } ?? ""
        let age = v["ageAtVisit"]?.stringValue
        func items(_ key: String) -> [[String: JSONValue]] { (v[key]?.arrayValue ?? []).compactMap(\.objectValue) }
        func s(_ o: [String: JSONValue], _ key: String) -> String? { o[key]?.stringValue }
        func join(_ parts: [String?]) -> String { parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ") }
        /// The item's edit and delete actions on the visit page: (item, path of the item, version).
        func withActions<T>(_ item: T, _ o: [String: JSONValue], _ collection: String, _ set: (inout T, String, String) -> Void) -> T {
            guard actions, let id = o["id"]?.intValue, let version = o["version"]?.intValue else { return item }
            var item = item
            set(&item, "/\(collection)/\(id)", String(version))
            return item
        }

        let phenotypes = items("phenotypicFeatures").map { f -> Term in
            let hpo = s(f, "hpoId") ?? ""
            let term = knowledge.term(hpo)
            let qualifiers = join([s(f, "onset").map { "onset " + (knowledge.termName($0) ?? ($0.hasPrefix("P") ? Self.readableAge($0) : $0)) },
                                   s(f, "severity").map { knowledge.termName($0) ?? $0 },
                                   s(f, "laterality").map { knowledge.termName($0) ?? $0 }])
            return withActions(Term(id: hpo, name: term?.name ?? hpo, definition: term?.definition,
                                    status: f["excluded"] == .bool(true) ? "excluded" : "observed", qualifiers: qualifiers),
                               f, "phenotypic-features") { $0.deleteAction = $1 + "/delete"; $0.editHref = $1 + "/edit"; $0.version = $2 }
        }
        func lines(_ key: String, _ collection: String, _ make: ([String: JSONValue]) -> Line) -> [Line] {
            items(key).map { o in withActions(make(o), o, collection) { $0.deleteAction = $1 + "/delete"; $0.editHref = $1 + "/edit"; $0.version = $2 } }
        }
        let measurements = lines("measurements", "measurements") { m -> Line in
            let reading = RecordReadings.lab(m, ageAtVisit: age, sex: sex, knowledge: knowledge)
            let name = s(m, "name") ?? knowledge.engines?.labs.analyte(named: "LOINC:" + (s(m, "loinc") ?? ""))?.name ?? "LOINC \(s(m, "loinc") ?? "")"
            let value = m["value"]?.doubleValue.map(RecordReadings.number) ?? ""
            return Line(text: join([name, "\(value) \(s(m, "unit") ?? "")", s(m, "bodySite"), s(m, "side")]),
                        note: reading?.text, flag: reading?.flag, flagClass: reading?.flagClass)
        }
        let lesions = lines("lesions", "lesions") { l in
            Line(text: join([s(l, "region").map { BodyRegion.named($0)?.name ?? $0 }, s(l, "side"), s(l, "surface"),
                             l["percentOfRegion"]?.doubleValue.map { "\(RecordReadings.number($0)) % of region" },
                             s(l, "depth"), s(l, "morphology"), s(l, "imaging"), s(l, "lesionId").map { "lesion " + $0 }]),
                 note: s(l, "notes"))
        }
        let joints = lines("jointInvolvements", "joint-involvements") { j in
            Line(text: join([s(j, "joint"), s(j, "side"), j["score"]?.intValue.map { "score \($0) of 2" }]))
        }
        var marks: [Mark] = []
        let procedures = lines("procedures", "procedures") { p -> Line in
            marks.append(Mark(kind: "procedure", cssClass: "mark", text: join([s(p, "kind"), s(p, "date")])))
            if p["recurrence"] == .bool(true) {
                marks.append(Mark(kind: "recurrence", cssClass: "mark recurrence",
                                  text: "recurrence" + (s(p, "recurrenceDate").map { " " + $0 } ?? "")))
            }
            return Line(text: join([s(p, "kind"), s(p, "date"), s(p, "lesionId").map { "lesion " + $0 },
                                    p["recurrence"] == .bool(true) ? "recurred" + (s(p, "recurrenceDate").map { " " + $0 } ?? "")
                                        : p["recurrence"] == .bool(false) ? "no recurrence" : nil]),
                        note: s(p, "outcome"))
        }
        let variants = lines("variants", "variants") { x in
            Line(text: join([s(x, "gene"), s(x, "hgvs"), s(x, "label"), s(x, "zygosity"), s(x, "parentOfOrigin").map { $0 + " origin" },
                             s(x, "acmgClass")]),
                 note: s(x, "hgvs").map { RecordReadings.hgvs($0, knowledge: knowledge) })
        }
        let diagnoses = lines("diagnoses", "diagnoses") { d in
            Line(text: join([s(d, "label") ?? s(d, "code").flatMap(knowledge.diseaseName), s(d, "code"), s(d, "status")]),
                 note: nil, flag: nil, flagClass: nil)
        }
        return VisitEntry(anchor: "visit-" + id, href: view == .identified ? "/visits/" + id : nil, date: s(v, "date") ?? "",
                          kind: s(v, "kind") ?? "visit", age: age.map(Self.readableAge), notes: s(v, "notes"), marks: marks,
                          phenotypes: phenotypes, hasPhenotypes: !phenotypes.isEmpty,
                          lists: [PartList(heading: "Measurements and labs", cssClass: "measurements", lines: measurements),
                                  PartList(heading: "Lesions", cssClass: "lesions", lines: lesions),
                                  PartList(heading: "Joints", cssClass: "joints", lines: joints),
                                  PartList(heading: "Procedures", cssClass: "procedures", lines: procedures),
                                  PartList(heading: "Variants", cssClass: "variants", lines: variants),
                                  PartList(heading: "Diagnoses", cssClass: "diagnoses", lines: diagnoses)].filter { !$0.lines.isEmpty })
    }

    /// "P7Y3M" -> "7 y 3 m"; "P20D" -> "20 d".
    static func readableAge(_ iso: String) -> String {
        var out: [String] = []
        var number = ""
        for ch in iso.dropFirst() {
            if ch.isNumber { number.append(ch) } else if !number.isEmpty {
                out.append("\(number) \(ch.lowercased())")
                number = ""
            }
        }
        return out.isEmpty ? iso : out.joined(separator: " ")
    }
}
