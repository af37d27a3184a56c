public import Ontology

/// One curated fact of a monograph with the JSON path of its item, for walks over every fact
/// (validation, the "every fact has a source" test, listings of unconfirmed facts).
public struct MonographFact: Sendable, Hashable {
    public var path: String
    public var provenance: Provenance
}

extension Monograph {
    /// Every sourced item of the monograph with its path, in file order.
    public var facts: [MonographFact] {
        var out: [MonographFact] = []
        func one<V>(_ item: Sourced<V>?, _ path: String) {
            if let item { out.append(MonographFact(path: path, provenance: item.provenance)) }
        }
        func list<V>(_ items: [Sourced<V>], _ path: String) {
            for (i, item) in items.enumerated() { one(item, "\(path)[\(i)]") }
        }
        one(name, "name")
        list(alternativeNames, "alternativeNames")
        list(identifiers, "identifiers")
        one(alternativeTitleOf, "alternativeTitleOf")
        list(description, "description")
        list(treatment, "treatment")
        one(gene, "gene")
        list(cause, "cause")
        one(parentOfOrigin, "parentOfOrigin")
        list(inheritance, "inheritance")
        one(hormoneResistance, "hormoneResistance")
        one(ahoFeatures, "ahoFeatures")
        one(heterotopicOssification, "heterotopicOssification")
        list(clinicalFeatures, "clinicalFeatures")
        list(biochemistry, "biochemistry")
        list(differentials, "differentials")
        list(diagnosticCriteria, "diagnosticCriteria")
        list(classifications, "classifications")
        list(naturalHistory, "naturalHistory")
        one(prevalence, "prevalence")
        list(assessment, "assessment")
        list(management, "management")
        list(safety, "safety")
        list(references, "references")
        return out
    }

    /// Every HPO term the monograph cites, with the path of the field.
    public var hpoTerms: [(path: String, id: TermID)] {
        var out: [(path: String, id: TermID)] = []
        for (i, f) in clinicalFeatures.enumerated() {
            if let id = f.value.hpo { out.append(("clinicalFeatures[\(i)].value.hpo", id)) }
        }
        for (i, f) in biochemistry.enumerated() {
            if let id = f.value.hpo { out.append(("biochemistry[\(i)].value.hpo", id)) }
        }
        for (i, s) in inheritance.enumerated() {
            if let id = s.value.hpo { out.append(("inheritance[\(i)].value.hpo", id)) }
        }
        return out
    }

    /// The facts marked UNCONFIRMED.
    public var unconfirmedFacts: [MonographFact] { facts.filter(\.provenance.unconfirmed) }
}
