public import Clinical
import Ontology

/// The stored record as the engines' input (`Clinical.PatientRecord`): what the diagnose and
/// assess routes and the phenopacket export feed on. A visit's age is its stored age or the time
/// from the birth date to its date; the record's age is the greatest of them; the latest visit's
/// observation of a term wins. In the pseudonymised view the
/// record's id is the research id, lesion ids are hashed and procedure dates shifted as in the
/// record's JSON view (dropped without the patient's date offset); a procedure's outcome, being free
/// text, is never part of the record.
extension PatientDocument {
    public func patientRecord(view: View = .identified) -> PatientRecord {
        let fields = patient.fields
        let birth = fields.birthDate.flatMap(CivilDate.init)
        func age(at date: String) -> Age? {
            guard let birth, let d = CivilDate(date), let text = RegistryStore.ageBetween(birth, d) else { return nil }
            return try? Age(iso8601: text)
        }
        var record = PatientRecord(id: view == .identified ? fields.pseudonym : patient.privacy?.researchID, sex: fields.sex)
        // A lesion's stable id, hashed for researchers as in the record's pseudonymised view.
        func lesionID(_ id: String) -> String {
            guard view == .pseudonymised else { return id }
            return hasher("lesion:\(patient.privacy?.researchID ?? "")", id)
        }
        // Researchers get only values shaped as codes (ResearchAllowList), never typed text.
        func admitted(_ value: String?, _ shape: ResearchAllowList.Shape) -> String? {
            guard view == .pseudonymised else { return value }
            return value.flatMap { ResearchAllowList.fits(.string($0), shape, column: nil) ? $0 : nil }
        }
        // A date as the view shows it: shifted by the patient's offset for researchers, else none.
        func shown(_ date: String?) -> String? {
            guard view == .pseudonymised, let date else { return date }
            guard let shift = patient.privacy?.dateShiftDays else { return nil }
            return CivilDate(date)?.adding(days: shift)?.description
        }
        // The age at the last encounter: the greatest age among the visits whose time is known.
        record.age = visits.compactMap { $0.visit.fields.ageAtVisit(birthDate: fields.birthDate) }.max()
        record.tests = fields.testResults
        switch fields.onset {
        case .antenatal?: record.onset = .term(TermID(prefix: "HP", local: "0030674"))
        case .atBirth?: record.onset = .term(TermID(prefix: "HP", local: "0003577"))
        case .date?: record.onset = fields.onsetDate.flatMap(age(at:)).map(Onset.age)
        case .undetermined?, nil: break
        }
        var phenotypes: [String: PhenotypeObservation] = [:]
        var order: [String] = []
        for v in visits {
            let visitAge = v.visit.fields.ageAtVisit(birthDate: fields.birthDate)
            for f in v.phenotypicFeatures {
                guard let term = TermID(f.fields.hpoId) else { continue }
                var onset: Onset?
                if let text = f.fields.onset {
                    if let t = TermID(text), t.prefix == "HP" { onset = .term(t) } else if let a = try? Age(iso8601: text) { onset = .age(a) }
                }
                if phenotypes[f.fields.hpoId] == nil { order.append(f.fields.hpoId) }
                phenotypes[f.fields.hpoId] = PhenotypeObservation(
                    term: term, excluded: f.fields.excluded ?? false, onset: onset,
                    severity: f.fields.severity.flatMap { TermID($0) }, laterality: f.fields.laterality.flatMap { TermID($0) })
            }
            for m in v.measurements {
                // A unit that is not shaped as a unit code is typed text: not for researchers.
                if view == .pseudonymised,
                   !ResearchAllowList.fits(.string(m.fields.unit), ResearchAllowList.fields[.measurement]?["unit"] ?? .hashed, column: nil) {
                    continue
                }
                record.labs.append(LabResult(analyte: "LOINC:" + m.fields.loinc, value: m.fields.value, unit: m.fields.unit,
                                             referenceLow: m.fields.referenceLow, referenceHigh: m.fields.referenceHigh,
                                             ageAtMeasurement: visitAge, bodySite: admitted(m.fields.bodySite, ResearchAllowList.regions), side: m.fields.side))
            }
            for variant in v.variants {
                record.variants.append(VariantObservation(gene: admitted(variant.fields.gene, ResearchAllowList.gene),
                                                          hgvs: admitted(variant.fields.hgvs, ResearchAllowList.hgvs),
                                                          zygosity: variant.fields.zygosity?.rawValue,
                                                          origin: variant.fields.parentOfOrigin,
                                                          acmgClass: variant.fields.acmgClass?.rawValue,
                                                          structuralType: variant.fields.structuralType.flatMap { TermID($0) },
                                                          label: view == .identified ? variant.fields.label : nil,
                                                          otherHgvs: (variant.fields.otherHgvs ?? "").split(separator: " ").map(String.init)
                                                              .compactMap { admitted($0, ResearchAllowList.hgvs) },
                                                          vcf: admitted(variant.fields.vcf, ResearchAllowList.vcf).flatMap(VCFPosition.init(text:))))
            }
            for l in v.lesions {
                record.lesions.append(Lesion(id: lesionID(l.fields.lesionId), region: l.fields.region, side: l.fields.side,
                                             depth: l.fields.depth, morphology: l.fields.morphology,
                                             percentOfRegion: l.fields.percentOfRegion, age: visitAge,
                                             surface: l.fields.surface, imaging: l.fields.imaging))
            }
            for j in v.jointInvolvements {
                record.joints.append(JointInvolvement(joint: j.fields.joint, side: j.fields.side, score: j.fields.score, age: visitAge))
            }
            for p in v.procedures {
                let f = p.fields
                record.procedures.append(ProcedureObservation(kind: f.kind, date: shown(f.date), lesionID: f.lesionId.map(lesionID),
                                                              recurrence: f.recurrence, recurrenceDate: shown(f.recurrenceDate)))
            }
        }
        record.phenotypes = order.compactMap { phenotypes[$0] }
        return record
    }
}
