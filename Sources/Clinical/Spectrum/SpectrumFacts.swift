import Ontology

/// The patient's findings gathered once for judging the criteria: observed and excluded terms
/// (including those implied by labs), lesions, GNAS and other variants.
struct SpectrumFacts {
    var observed: Set<TermID>
    var excluded: Set<TermID>
    /// Where a term came from when a lab implied it (for the evidence text).
    var labEvidence: [TermID: String]
    var labs: [LabInterpretation]
    var progressiveTerms: [TermID]
    var lesions: [Lesion]
    var variants: [VariantObservation]
    var warnings: [String]

    init(_ record: PatientRecord, labs knowledge: LabKnowledge) {
        observed = Set(record.observedTerms)
        excluded = Set(record.excludedTerms)
        progressiveTerms = record.phenotypes.filter { !$0.excluded && $0.modifiers.contains(Self.progressive) }.map(\.term)
        lesions = record.lesions
        variants = record.variants.filter { !($0.acmgClass?.lowercased().contains("benign") ?? false) }
        labEvidence = [:]
        labs = []
        warnings = []
        for (index, lab) in record.labs.enumerated() {
            do {
                let r = try knowledge.interpret(lab, age: record.age, sex: record.sex)
                labs.append(r)
                let text = "\(r.analyteName) \(Self.format(r.conventional.value)) \(r.conventional.unit): \(r.flag.rawValue)"
                if let t = r.impliedTerm {
                    observed.insert(t)
                    labEvidence[t] = text
                }
                for t in r.excludedTerms where !observed.contains(t) {
                    excluded.insert(t)
                    labEvidence[t] = text
                }
            } catch {
                warnings.append("lab #\(index + 1) ignored: \(error.description)")
            }
        }
        // A term both observed and excluded (e.g. typed and contradicted by a lab): observed wins.
        excluded.subtract(observed)
    }

    static let progressive = TermID.hpo(3676)

    static func format(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    func describe(_ t: SourcedTerm) -> String {
        "\(t.label) (\(t.id))" + (labEvidence[t.id].map { " from \($0)" } ?? "")
    }
}
