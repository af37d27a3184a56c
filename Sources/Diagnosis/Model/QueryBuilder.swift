public import Ontology
public import Clinical

/// A problem with the patient input, naming the field; never quoting free text or patient values.
public struct QueryError: Error, CustomStringConvertible, Equatable, Sendable {
    public var field: String
    public var message: String
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
    public var description: String { "\(field): \(message)" }
}

/// Turns a patient record into a validated ``DiagnosisQuery``: resolves alt and obsolete ids (with
/// warnings), refuses unknown ids (with close matches), terms outside Phenotypic abnormality given as
/// features (saying where they belong), and a term both present and excluded.
public struct QueryBuilder: Sendable {
    public let kb: KnowledgeBase
    public let labs: LabKnowledge?
    public let genotypeRules: GenotypeEvidenceRules?

    public init(kb: KnowledgeBase, labs: LabKnowledge? = nil, genotypeRules: GenotypeEvidenceRules? = nil) {
        self.kb = kb
        self.labs = labs
        self.genotypeRules = genotypeRules
    }

    public struct Result: Sendable {
        public var query: DiagnosisQuery
        public var warnings: [String]
        /// Every lab value read against its reference interval, once per patient.
        public var labs: [LabInterpretation] = []
    }

    /// In lenient mode (evaluation of published cases) unknown and misplaced terms are dropped
    /// with a warning instead of failing.
    public func build(_ record: PatientRecord, lenient: Bool = false, useGenotype: Bool = true) throws(QueryError) -> Result {
        var warnings: [String] = []
        var query = DiagnosisQuery()
        var seen: [Int32: Bool] = [:]
        for (position, feature) in record.phenotypes.enumerated() {
            let field = "phenotypes[\(position)] \(feature.term)"
            let index: Int32
            // An obsolete term with no replacement names nothing current: dropped with a warning,
            // the rest of the patient is still ranked.
            if case .obsolete(_, nil, _) = kb.resolve(feature.term) {
                warnings.append("\(field): \(kb.resolutionNote(kb.resolve(feature.term)) ?? "obsolete"); not used")
                continue
            }
            do {
                index = try resolveFeature(feature.term, field: field, warnings: &warnings)
            } catch {
                if lenient { warnings.append(error.description); continue }
                throw error
            }
            if let previous = seen[index] {
                if previous != feature.excluded {
                    let e = QueryError(field: field, message: "\(kb.term(at: index).id) is given both as present and as excluded")
                    if lenient { warnings.append(e.description); continue }
                    throw e
                }
                continue
            }
            seen[index] = feature.excluded
            if feature.excluded { query.excluded.append(.init(term: index)) } else { query.observed.append(.init(term: index)) }
        }
        var labResults: [LabInterpretation] = []
        try addLabs(record, to: &query, seen: &seen, lenient: lenient, warnings: &warnings, results: &labResults)
        switch record.sex {
        case .female: query.sex = .female
        case .male: query.sex = .male
        default: query.sex = nil
        }
        if let onset = record.onset {
            if case .term(let t) = onset, let i = kb.index(of: t), !kb.isUnder(i, HPO.onset) {
                throw QueryError(field: "onset", message: "\(t) is not an onset term (a descendant of HP:0003674 Onset)")
            }
            query.onset = OnsetClass.of(onset, in: kb)
        }
        dropRedundantTerms(&query)
        if useGenotype {
            var findings: [Int32: GeneFinding] = [:]
            var order: [Int32] = []
            for (position, v) in record.variants.enumerated() {
                guard let symbol = v.gene else { continue }
                guard let g = kb.geneIndex[symbol] ?? kb.geneIndex[symbol.uppercased()] else {
                    warnings.append("variants[\(position)]: gene \(symbol) has no disease in the HPO annotations; ignored")
                    continue
                }
                let zygosity = Zygosity(v.zygosity)
                if var f = findings[g] {
                    // A second variant in the same gene: two alleles affected (compound heterozygous).
                    f.alleles = max(f.alleles ?? 1, 1) + (zygosity == .homozygous ? 2 : 1)
                    f.alleles = min(f.alleles ?? 2, 2)
                    f.hemizygous = f.hemizygous || zygosity == .hemizygous
                    findings[g] = f
                } else {
                    order.append(g)
                    findings[g] = GeneFinding(gene: g, alleles: zygosity.alleles, hemizygous: zygosity == .hemizygous)
                }
            }
            query.genes = order.compactMap { findings[$0] }
            query.genotypeAdjustments = genotypeRules?.adjustments(for: record) ?? []
        }
        return Result(query: query, warnings: warnings, labs: labResults)
    }

    /// Terms implied by other terms of the same patient add no evidence and would count one
    /// finding twice: an observed term that is an ancestor of another observed term (Seizure beside
    /// Focal seizure) and an excluded term below another excluded term (no seizures implies no
    /// focal seizures) are dropped. What remains is the most specific statement of each finding.
    func dropRedundantTerms(_ query: inout DiagnosisQuery) {
        let observed = query.observed.map(\.term)
        query.observed.removeAll { f in observed.contains { $0 != f.term && kb.isAncestor(f.term, of: $0) } }
        let excluded = query.excluded.map(\.term)
        query.excluded.removeAll { f in excluded.contains { $0 != f.term && kb.isAncestor($0, of: f.term) } }
    }

    /// Lab values become evidence: an abnormal value an observed term, a normal one excluded terms.
    /// A term the clinician already gave keeps the clinician's word.
    func addLabs(_ record: PatientRecord, to query: inout DiagnosisQuery, seen: inout [Int32: Bool],
                 lenient: Bool, warnings: inout [String], results: inout [LabInterpretation]) throws(QueryError) {
        guard !record.labs.isEmpty else { return }
        guard let labs else {
            warnings.append("lab values were given but no lab knowledge is loaded; they were not used")
            return
        }
        for (position, lab) in record.labs.enumerated() {
            let field = "labs[\(position)] \(lab.analyte)"
            let result: LabInterpretation
            do {
                result = try labs.interpret(lab, age: lab.ageAtMeasurement ?? record.age, sex: record.sex)
            } catch {
                // A phenopacket often measures analytes Ossify has no intervals for (assays given as
                // LOINC codes): those are skipped with a warning. A name typed by the user is an error.
                let otherAssay = { if case .unknownAnalyte = error { return lab.analyte.uppercased().hasPrefix("LOINC:") } else { return false } }()
                if lenient || otherAssay { warnings.append("\(field): \(error.description); not used"); continue }
                throw QueryError(field: field, message: error.description)
            }
            results.append(result)
            if result.flag == .unknown {
                warnings.append("\(field): \(result.note ?? "no reference interval applies"); the value was not used as evidence")
                continue
            }
            if let note = result.note, note.contains("UNCONFIRMED") { warnings.append("\(field): \(note)") }
            let source = "lab \(result.analyteName) \(result.flag.rawValue)"
            if let implied = result.impliedTerm, let i = kb.index(of: implied), seen[i] == nil {
                seen[i] = false
                query.observed.append(.init(term: i, source: source))
            }
            for t in result.excludedTerms {
                guard let i = kb.index(of: t), seen[i] == nil else { continue }
                seen[i] = true
                query.excluded.append(.init(term: i, source: source))
            }
        }
    }

    func resolveFeature(_ id: TermID, field: String, warnings: inout [String]) throws(QueryError) -> Int32 {
        let r = kb.resolve(id)
        guard let index = r.index else {
            var message = kb.resolutionNote(r) ?? "unknown term"
            let close = kb.closeIDs(to: id)
            if !close.isEmpty { message += "; did you mean " + close.map { "\($0) (\(kb.term($0)?.name ?? ""))" }.joined(separator: ", ") + "?" }
            throw QueryError(field: field, message: message)
        }
        if let note = kb.resolutionNote(r) { warnings.append("\(field): \(note); using the current term") }
        if !kb.isUnder(index, HPO.phenotypicAbnormality) {
            let name = kb.term(at: index).name
            let place: String
            if kb.isUnder(index, HPO.onset) { place = "it is an onset term: give it as the onset (--onset or the phenopacket's onset)" }
            else if kb.isUnder(index, HPO.modeOfInheritance) { place = "it is a mode of inheritance, not a feature of the patient" }
            else if kb.isUnder(index, HPO.clinicalModifier) { place = "it is a clinical modifier: give it as a modifier of a feature" }
            else if kb.isUnder(index, HPO.frequency) { place = "it is a frequency term, used in disease annotations" }
            else { place = "features must lie under HP:0000118 Phenotypic abnormality" }
            throw QueryError(field: field, message: "\(kb.term(at: index).id) (\(name)) is not a phenotypic abnormality: \(place)")
        }
        return index
    }
}

/// Zygosity as written in phenopackets (GENO terms or their labels) or by users.
enum Zygosity: Equatable {
    case heterozygous, homozygous, hemizygous, unknown

    init(_ text: String?) {
        switch text?.lowercased() {
        case "geno:0000135", "heterozygous", "het": self = .heterozygous
        case "geno:0000136", "homozygous", "hom": self = .homozygous
        case "geno:0000134", "hemizygous", "hemi": self = .hemizygous
        case "geno:0000402", "compound heterozygous": self = .homozygous
        default: self = .unknown
        }
    }

    var alleles: Int? {
        switch self {
        case .heterozygous, .hemizygous: 1
        case .homozygous: 2
        case .unknown: nil
        }
    }
}
