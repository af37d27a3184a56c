public import Ontology
public import Clinical

/// Annotations the curated monographs (Knowledge/monographs, cited literature) add to the HPO
/// annotations of their diseases: each main clinical feature with an HPO term, each abnormal main
/// biochemical finding, and, for a finding stated "normal", NOT annotations of the lab's abnormal
/// terms (POH: normal calcium, phosphate and PTH). Only diseases with an OMIM identifier.
public enum CuratedAnnotations {
    /// The biocuration mark of the annotations made here, which tells them from HPO's own.
    public static let biocuration = "Ossify:Knowledge/monographs"

    /// Whether an annotation comes from a curated monograph rather than the HPO release.
    public static func isCurated(_ a: Annotation) -> Bool { a.biocuration == biocuration }

    public static func from(_ catalog: MonographCatalog, labs: LabKnowledge) -> [TermID: [Annotation]] {
        var out: [TermID: [Annotation]] = [:]
        for m in catalog.monographs {
            guard let disease = m.omimID else { continue }
            func add(_ term: TermID, negated: Bool, sources: [String]) {
                out[disease, default: []].append(Annotation(
                    disease: disease, term: term, negated: negated, references: sources.map { "Ossify monograph \(m.key) [\($0)]" },
                    evidence: "TAS", aspect: .phenotype, biocuration: biocuration))
            }
            for f in m.clinicalFeatures {
                if let term = f.value.hpo { add(term, negated: false, sources: f.sources) }
            }
            for b in m.biochemistry {
                if let term = b.value.hpo, b.value.finding != "normal" {
                    add(term, negated: false, sources: b.sources)
                } else if b.value.finding == "normal", let analyte = labs.analyte(named: b.value.analyte) {
                    for t in [analyte.lowTerm, analyte.highTerm].compactMap({ $0?.id }) {
                        add(t, negated: true, sources: b.sources)
                    }
                }
            }
        }
        return out
    }
}
