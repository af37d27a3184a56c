/// A diagnosis a phenopacket states about its subject, as the registry stores it: a disease code,
/// its label, and whether it is confirmed, suspected or excluded.
///
/// Reading (``Phenopacket/statedDiagnoses``):
/// - an interpretation with a `diagnosis.disease`: SOLVED or COMPLETED is confirmed, any other
///   progress status (IN_PROGRESS, UNSOLVED, UNKNOWN_PROGRESS) suspected;
/// - a `diseases` entry: `excluded: true` is excluded, otherwise confirmed.
/// A code stated more than once keeps its first statement. Interpretations without a disease (the
/// genotype interpretation of an export) state no diagnosis. The `diseases` entries that are the
/// subject's own disease codes (``Phenopacket/subjectDiseaseCodes``) are not stated diagnoses.
///
/// Writing (``Phenopacket/state(_:)``): confirmed as a SOLVED interpretation `<id>-diagnosis-N`,
/// suspected as an IN_PROGRESS one, excluded as an excluded `diseases` entry; so reading what was
/// written gives the same list back.
public struct StatedDiagnosis: Sendable, Hashable {
    public enum Status: String, Sendable {
        case confirmed, suspected, excluded
    }

    public var code: String
    public var label: String
    public var status: Status

    public init(code: String, label: String = "", status: Status) {
        self.code = code
        self.label = label
        self.status = status
    }
}

extension Phenopacket {
    /// The diagnoses the phenopacket states (see ``StatedDiagnosis``), in document order.
    public var statedDiagnoses: [StatedDiagnosis] {
        var seen: Set<String> = []
        var out: [StatedDiagnosis] = []
        func add(_ term: OntologyClass?, _ status: StatedDiagnosis.Status) {
            guard let term, !term.id.isEmpty, seen.insert(term.id).inserted else { return }
            out.append(StatedDiagnosis(code: term.id, label: term.label, status: status))
        }
        for interpretation in interpretations {
            let firm = interpretation.progressStatus == .solved || interpretation.progressStatus == .completed
            add(interpretation.diagnosis?.disease, firm ? .confirmed : .suspected)
        }
        let own = subjectDiseaseEntries
        for (i, disease) in diseases.enumerated() where !own.contains(i) {
            add(disease.term, disease.excluded ? .excluded : .confirmed)
        }
        return out
    }

    /// The subject's own disease codes, the registry's ORPHA and OMIM codes (EU common data element
    /// 6.1): the first `diseases` entry not excluded whose id is `ORPHA:<digits>`, and the first whose
    /// id is `OMIM:<digits>`, in document order. Written by ``state(_:subjectDiseaseCodes:)``.
    public var subjectDiseaseCodes: [String] {
        subjectDiseaseEntries.compactMap { diseases[$0].term?.id }
    }

    /// The indices of the `diseases` entries of ``subjectDiseaseCodes``.
    var subjectDiseaseEntries: [Int] {
        ["ORPHA", "OMIM"].compactMap { prefix in
            diseases.indices.first { i in
                guard !diseases[i].excluded, let id = diseases[i].term?.id, id.hasPrefix(prefix + ":") else { return false }
                let digits = id.dropFirst(prefix.count + 1)
                return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
            }
        }.sorted()
    }

    /// Adds the diagnoses as interpretations (confirmed, suspected) and excluded `diseases` entries,
    /// then the subject's own disease codes (`ORPHA:2762`, `OMIM:166350`) as `diseases` entries (see
    /// ``subjectDiseaseCodes``; a code that is not ORPHA or OMIM digits is not written).
    public mutating func state(_ diagnoses: [StatedDiagnosis], subjectDiseaseCodes codes: [String] = []) {
        var n = 0
        for d in diagnoses {
            let term = OntologyClass(id: d.code, label: d.label)
            switch d.status {
            case .excluded:
                diseases.append(Disease(term: term, excluded: true))
            case .confirmed, .suspected:
                n += 1
                interpretations.append(Interpretation(id: "\(id)-diagnosis-\(n)", progressStatus: d.status == .confirmed ? .solved : .inProgress,
                                                      diagnosis: .init(disease: term)))
            }
        }
        for code in codes where code.hasPrefix("ORPHA:") || code.hasPrefix("OMIM:") {
            diseases.append(Disease(term: OntologyClass(id: code, label: "")))
        }
        let resources = Self.resources(for: self, hpoVersion: hpoVersionInUse)
        metaData?.resources = resources
    }

    /// The HPO version named by the metadata's `hp` resource (what ``init(record:id:hpoVersion:created:createdBy:lesionTerm:assayCode:termLabel:)`` wrote).
    var hpoVersionInUse: String {
        metaData?.resources.first { $0.namespacePrefix == "HP" }?.version ?? Self.hpoVersion
    }
}
