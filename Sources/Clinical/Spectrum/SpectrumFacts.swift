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
    var tests: TestResults
    var hierarchy: TermHierarchy
    var warnings: [String]

    init(_ record: PatientRecord, labs knowledge: LabKnowledge, hierarchy: TermHierarchy) {
        self.hierarchy = hierarchy
        tests = record.tests ?? TestResults()
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

    /// The observed terms that are `term` or one of its descendants.
    func observedUnder(_ term: TermID) -> [TermID] {
        observed.filter { hierarchy.isA($0, term) }.sorted { $0.description < $1.description }
    }

    /// `term` counts as observed: itself or a descendant is observed.
    func has(_ term: TermID) -> Bool {
        observed.contains(term) || observed.contains { hierarchy.isA($0, term) }
    }

    /// `term` is excluded: itself or an ancestor is explicitly excluded (no X implies no kind of X).
    func lacks(_ term: TermID) -> Bool {
        excluded.contains(term) || excluded.contains { hierarchy.isA(term, $0) }
    }

    /// Evidence text for an observed criterion term, naming the descendant actually recorded.
    func describeHit(_ t: SourcedTerm) -> String {
        if observed.contains(t.id) { return describe(t) }
        let under = observedUnder(t.id).map(\.description).joined(separator: ", ")
        return "\(t.label) (\(t.id)) via \(under)"
    }
}
