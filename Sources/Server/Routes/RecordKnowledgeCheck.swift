import Composition
import Clinical
import Ontology
import Registry

/// Checks of record fields that need the knowledge base, made at the door of the API (the fields'
/// own `problems()` cannot: they know no HPO release, no lab units and no HGVS grammar): an HPO id
/// must be a current term under Phenotypic abnormality, a measurement of a known analyte must have
/// one of its units and a plausible value, an HGVS expression must parse. Texts name the field and
/// never repeat the value (ontology ids excepted).
struct RecordKnowledgeCheck: Sendable {
    let engines: Engines?

    func problems(_ fields: some RecordFields) -> [FieldProblem] {
        guard let engines else { return [] }
        switch fields {
        case let f as PhenotypicFeatureFields: return term(f.hpoId, kb: engines.diagnosis.kb)
        case let m as MeasurementFields: return measurement(m, labs: engines.labs)
        case let v as VariantFields: return hgvs(v.hgvs, field: "hgvs")
        case let p as PatientFields: return hgvs(p.geneticHgvs, field: "geneticHgvs")
        default: return []
        }
    }

    func term(_ text: String, kb: KnowledgeBase) -> [FieldProblem] {
        guard let id = TermID(text) else { return [] }   // the form is the fields' own check
        let resolution = kb.resolve(id)
        guard let index = resolution.index else {
            return [FieldProblem("hpoId", kb.resolutionNote(resolution) ?? "is not an HPO term")]
        }
        if case .obsolete = resolution {
            return [FieldProblem("hpoId", (kb.resolutionNote(resolution) ?? "is obsolete") + ": store the current term")]
        }
        guard kb.isUnder(index, HPO.phenotypicAbnormality) else {
            return [FieldProblem("hpoId", "\(kb.term(at: index).id) (\(kb.term(at: index).name)) is not a phenotypic abnormality (a descendant of HP:0000118)")]
        }
        return []
    }

    func measurement(_ m: MeasurementFields, labs: LabKnowledge) -> [FieldProblem] {
        guard let analyte = labs.analyte(named: "LOINC:" + m.loinc) else { return [] }   // other assays: as given
        guard analyte.unit(m.unit) != nil else {
            return [FieldProblem("unit", "is not a unit of \(analyte.name); use one of \(analyte.units.map(\.symbol).joined(separator: ", "))")]
        }
        do {
            _ = try labs.interpret(LabResult(analyte: "LOINC:" + m.loinc, value: m.value, unit: m.unit), age: nil, sex: .unknown)
        } catch {
            return [FieldProblem("value", error.description)]
        }
        return []
    }

    func hgvs(_ text: String?, field: String) -> [FieldProblem] {
        guard let text else { return [] }
        do {
            _ = try HGVSVariant(parsing: text)
        } catch {
            return [FieldProblem(field, "is not valid HGVS: \(error.message) (at character \(error.offset + 1))")]
        }
        return []
    }
}

extension RecordKnowledgeCheck {
    /// The same checks for a record to import, with its ids brought up to date first: an alternate
    /// id, or an obsolete one that the release replaces, becomes the current term (a warning names
    /// the field and both ids); anything else these checks find refuses the record. Field names are
    /// the record's paths (`visits[0].phenotypicFeatures[3].hpoId`).
    func prepare(_ item: inout ImportedPatient) -> (warnings: [FieldProblem], problems: [FieldProblem]) {
        guard let engines else { return ([], []) }
        let kb = engines.diagnosis.kb
        var warnings: [FieldProblem] = [], problems: [FieldProblem] = []
        for n in item.visits.indices {
            let visit = "visits[\(n)]."
            for k in item.visits[n].phenotypicFeatures.indices {
                let path = visit + "phenotypicFeatures[\(k)]."
                let text = item.visits[n].phenotypicFeatures[k].hpoId
                if let id = TermID(text), let current = replacement(id, kb: kb) {
                    item.visits[n].phenotypicFeatures[k].hpoId = current.id.description
                    warnings.append(FieldProblem(path + "hpoId", "\(id) is \(current.why) in HPO \(kb.release.hpoVersion); replaced by \(current.id) (\(current.name))"))
                }
                problems += self.problems(item.visits[n].phenotypicFeatures[k]).map { FieldProblem(path + $0.field, $0.reason) }
            }
            for (k, m) in item.visits[n].measurements.enumerated() {
                problems += self.problems(m).map { FieldProblem(visit + "measurements[\(k)].\($0.field)", $0.reason) }
            }
            for (k, v) in item.visits[n].variants.enumerated() {
                problems += self.problems(v).map { FieldProblem(visit + "variants[\(k)].\($0.field)", $0.reason) }
            }
        }
        return (warnings, problems)
    }

    /// The current term for an alternate id or an obsolete id with a replacement; nil otherwise.
    private func replacement(_ id: TermID, kb: KnowledgeBase) -> (id: TermID, name: String, why: String)? {
        switch kb.resolve(id) {
        case .alternate(let i, _): (kb.term(at: i).id, kb.term(at: i).name, "an alternate id")
        case .obsolete(_, let r?, _): (kb.term(at: r).id, kb.term(at: r).name, "obsolete")
        default: nil
        }
    }
}
