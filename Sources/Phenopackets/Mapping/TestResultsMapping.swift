internal import Clinical

/// Test results (``TestResults``) in a phenopacket, and back.
///
/// - A negative GNAS or ACVR1 test is a genomic interpretation with `interpretationStatus`
///   `REJECTED` and the gene (`gene` or the variation descriptor's `geneContext`): GNAS -> GNAS
///   sequencing negative, ACVR1 -> ACVR1 negative. A found variant is an ordinary genomic
///   interpretation (it becomes a ``VariantObservation``).
/// - Every other result is a measurement whose description is `Ossify test: NAME=VALUE`, NAME one of
///   `gnas-sequencing` (variant, negative, not-done), `gnas-methylation` (loss-AB, broad-loss,
///   stx16-deletion, patUPD20q, normal), `acvr1` (variant, negative), `gs-alpha-activity` (reduced,
///   normal), `lesion-imaging` (bone, calcification), `flare-ups` (yes, no). Ossify writes the assay
///   as `OSSIFY:NAME` and the value as the ontology class `OSSIFY:VALUE` (no public ontology class for
///   these results was confirmed); the reader goes by the description only.
enum TestResultsMapping {
    static let prefix = "Ossify test:"
    static let names = ["gnas-sequencing", "gnas-methylation", "acvr1", "gs-alpha-activity", "lesion-imaging", "flare-ups"]

    /// The results of the measurements and the rejected genomic interpretations; unknown names or
    /// values are issues by JSON path (the texts repeat no value of the document).
    static func read(_ p: Phenopacket) -> (TestResults, [PhenopacketError.Issue]) {
        var t = TestResults(), issues: [PhenopacketError.Issue] = []
        for x in p.interpretations {
            for g in x.diagnosis?.genomicInterpretations ?? [] where g.interpretationStatus == .rejected {
                let symbol = g.gene?.symbol ?? g.variantInterpretation?.variationDescriptor?.geneContext?.symbol
                switch symbol?.uppercased() {
                case "GNAS": t.gnasSequencing = .negative
                case "ACVR1": t.acvr1 = .negative
                default: break
                }
            }
        }
        for (i, m) in p.measurements.enumerated() where m.description.hasPrefix(prefix) {
            let path = "measurements[\(i)].description"
            let body = m.description.dropFirst(prefix.count)
            guard let equals = body.firstIndex(of: "=") else {
                issues.append(.init(path: path, problem: .other("expected 'Ossify test: NAME=VALUE'")))
                continue
            }
            let name = body[..<equals].trimmingCharacters(in: .whitespaces)
            let value = body[body.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if !set(&t, name: name, value: value) {
                issues.append(.init(path: path, problem: names.contains(name) ? .other("the value is not one of \(allowed(name))")
                                    : .unknownValue(allowed: names)))
            }
        }
        return (t, issues)
    }

    static func allowed(_ name: String) -> String {
        switch name {
        case "gnas-sequencing": TestResults.Sequencing.allCases.map(\.rawValue).joined(separator: ", ")
        case "gnas-methylation": TestResults.Methylation.allCases.map(\.rawValue).joined(separator: ", ")
        case "acvr1": TestResults.ACVR1.allCases.map(\.rawValue).joined(separator: ", ")
        case "gs-alpha-activity": TestResults.GsAlphaActivity.allCases.map(\.rawValue).joined(separator: ", ")
        case "lesion-imaging": TestResults.LesionNature.allCases.map(\.rawValue).joined(separator: ", ")
        default: "yes, no"
        }
    }

    /// Sets one result; false when the name or value is unknown.
    static func set(_ t: inout TestResults, name: String, value: String) -> Bool {
        switch name {
        case "gnas-sequencing": t.gnasSequencing = TestResults.Sequencing(rawValue: value); return t.gnasSequencing != nil
        case "gnas-methylation": t.gnasMethylation = TestResults.Methylation(rawValue: value); return t.gnasMethylation != nil
        case "acvr1": t.acvr1 = TestResults.ACVR1(rawValue: value); return t.acvr1 != nil
        case "gs-alpha-activity": t.gsAlphaActivity = TestResults.GsAlphaActivity(rawValue: value); return t.gsAlphaActivity != nil
        case "lesion-imaging": t.lesionImaging = TestResults.LesionNature(rawValue: value); return t.lesionImaging != nil
        case "flare-ups":
            guard value == "yes" || value == "no" else { return false }
            t.flareUps = value == "yes"
            return true
        default: return false
        }
    }

    /// The measurements of the results that are not negative gene tests.
    static func measurements(_ t: TestResults) -> [Phenopacket.Measurement] {
        var pairs: [(String, String)] = []
        if let s = t.gnasSequencing, s != .negative { pairs.append(("gnas-sequencing", s.rawValue)) }
        if let m = t.gnasMethylation { pairs.append(("gnas-methylation", m.rawValue)) }
        if t.acvr1 == .variant { pairs.append(("acvr1", "variant")) }
        if let g = t.gsAlphaActivity { pairs.append(("gs-alpha-activity", g.rawValue)) }
        if let l = t.lesionImaging { pairs.append(("lesion-imaging", l.rawValue)) }
        if let f = t.flareUps { pairs.append(("flare-ups", f ? "yes" : "no")) }
        return pairs.map { name, value in
            Phenopacket.Measurement(assay: Phenopacket.OntologyClass(id: "OSSIFY:" + name, label: name),
                                    value: .ontologyClass(Phenopacket.OntologyClass(id: "OSSIFY:" + value, label: value)),
                                    description: "\(prefix) \(name)=\(value)")
        }
    }

    /// The REJECTED genomic interpretations of negative GNAS and ACVR1 tests.
    static func rejected(_ t: TestResults, subjectID: String) -> [Phenopacket.GenomicInterpretation] {
        var genes: [String] = []
        if t.gnasSequencing == .negative { genes.append("GNAS") }
        if t.acvr1 == .negative { genes.append("ACVR1") }
        return genes.map { symbol in
            Phenopacket.GenomicInterpretation(subjectOrBiosampleId: subjectID, interpretationStatus: .rejected,
                                              gene: Phenopacket.GeneDescriptor(valueId: Vocabulary.hgnc[symbol] ?? "", symbol: symbol))
        }
    }
}
