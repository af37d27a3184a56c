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
        case let v as VariantFields: return variant(v)
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

    func variant(_ v: VariantFields) -> [FieldProblem] {
        guard let hgvs = v.hgvs else { return [] }
        do {
            _ = try HGVSVariant(parsing: hgvs)
        } catch {
            return [FieldProblem("hgvs", "is not valid HGVS: \(error.message) (at character \(error.offset + 1))")]
        }
        return []
    }
}
