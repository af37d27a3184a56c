internal import Clinical

/// A procedure on a lesion (``ProcedureObservation``) as a medical action, and back.
///
/// - `procedure.code`: a biopsy is NCIT:C15189 Biopsy; the other kinds, for which no NCIt or MAXO
///   class was confirmed, are `OSSIFY:excision`, `OSSIFY:contracture-release`, `OSSIFY:amputation`
///   and `OSSIFY:other` (as the test results are, `TestResultsMapping`);
/// - `procedure.bodySite`: the UBERON term of the body region of the lesion operated on;
/// - `procedure.performed`: the date as a timestamp at midnight UTC (`2020-05-02T00:00:00Z`);
/// - `treatmentTarget`: HP:0011986 Ectopic ossification when a lesion is named;
/// - `responseToTreatment`: NCIT:C38155 Recurrent Disease when the lesion recurred.
///
/// What the schema has no field for - the lesion's stable id, whether it recurred (also when it
/// did not) and the date of the recurrence - goes in an entry of `metaData.externalReferences`
/// whose `reference` names the action and whose `description` is the note
/// `Ossify procedure: lesion=L1; recurrence=yes; recurrenceDate=2021-02-01` (a medical action has no
/// description of its own). An outcome typed as free text is never exported.
///
/// Import reads a medical action whose procedure code is one of these back, with its note; its
/// `performed` must be a timestamp (the registry keeps the date of a procedure), else it is refused
/// with the path. Other medical actions are ignored.
enum ProcedureMapping {
    static let prefix = "Ossify procedure:"
    static let target = Phenopacket.OntologyClass(id: "HP:0011986", label: "Ectopic ossification")
    static let recurred = Phenopacket.OntologyClass(id: "NCIT:C38155", label: "Recurrent Disease")

    static func code(_ kind: ProcedureKind) -> Phenopacket.OntologyClass {
        switch kind {
        case .biopsy: Phenopacket.OntologyClass(id: "NCIT:C15189", label: "Biopsy")
        default: Phenopacket.OntologyClass(id: "OSSIFY:" + kind.rawValue.replacingOccurrences(of: " ", with: "-"), label: kind.rawValue)
        }
    }

    static func kind(_ code: Phenopacket.OntologyClass?) -> ProcedureKind? {
        ProcedureKind.allCases.first { self.code($0).id == code?.id }
    }

    /// The medical actions of `procedures` and the notes of those that need one; `lesions` give the
    /// body site of the lesion each names.
    static func actions(_ procedures: [ProcedureObservation], lesions: [Lesion])
        -> (actions: [Phenopacket.MedicalAction], notes: [Phenopacket.ExternalReference]) {
        var actions: [Phenopacket.MedicalAction] = [], notes: [Phenopacket.ExternalReference] = []
        for (i, p) in procedures.enumerated() {
            let region = p.lesionID.flatMap { id in lesions.last { $0.id == id }?.region }
            var action = Phenopacket.MedicalAction(procedure: Phenopacket.Procedure(
                code: code(p.kind), bodySite: region.flatMap(BodySite.term(forRegion:)),
                performed: p.date.map { .timestamp($0 + "T00:00:00Z") }))
            if p.lesionID != nil { action.treatmentTarget = target }
            if p.recurrence == true { action.responseToTreatment = recurred }
            actions.append(action)
            var note: [String] = []
            if let id = p.lesionID { note.append("lesion=" + LesionNote.clean(id)) }
            if let r = p.recurrence { note.append("recurrence=" + (r ? "yes" : "no")) }
            if let date = p.recurrenceDate { note.append("recurrenceDate=" + date) }
            if !note.isEmpty {
                notes.append(Phenopacket.ExternalReference(reference: "medicalActions[\(i)]",
                                                           description: prefix + " " + note.joined(separator: "; ")))
            }
        }
        return (actions, notes)
    }

    /// The procedures of a phenopacket's medical actions (see the type's description), or the issues
    /// by JSON path (the texts repeat no value of the document).
    static func read(_ p: Phenopacket) -> ([ProcedureObservation], [PhenopacketError.Issue]) {
        var notes: [String: (index: Int, fields: [String: String])] = [:]
        for (j, r) in (p.metaData?.externalReferences ?? []).enumerated() {
            if let fields = LesionNote.fields(r.description, prefix: prefix) { notes[r.reference] = (j, fields) }
        }
        var out: [ProcedureObservation] = [], issues: [PhenopacketError.Issue] = []
        for (i, a) in p.medicalActions.enumerated() {
            guard let kind = kind(a.procedure?.code) else { continue }
            let path = "medicalActions[\(i)]"
            guard case .timestamp(let time)? = a.procedure?.performed, time.count >= 10 else {
                issues.append(.init(path: path + ".procedure.performed", problem: .other("a procedure needs the time it was performed as a timestamp")))
                continue
            }
            var procedure = ProcedureObservation(kind: kind, date: String(time.prefix(10)))
            if let (j, note) = notes[path] {
                procedure.lesionID = note["lesion"]
                switch note["recurrence"] {
                case "yes"?: procedure.recurrence = true
                case "no"?: procedure.recurrence = false
                case nil: break
                default: issues.append(.init(path: "metaData.externalReferences[\(j)].description", problem: .unknownValue(allowed: ["yes", "no"])))
                }
                procedure.recurrenceDate = note["recurrenceDate"]
            } else if a.responseToTreatment?.id == recurred.id {
                procedure.recurrence = true
            }
            out.append(procedure)
        }
        return (out, issues)
    }
}
