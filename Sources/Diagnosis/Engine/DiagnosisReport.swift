import Foundation
public import Ontology
public import Clinical

/// Plain-text rendering of a differential diagnosis.
public enum DiagnosisReport {
    public static func text(_ candidates: [DiseaseExplanation], warnings: [String], release: String, database: Corpus,
                     phenotypeWeight: Double, labs: [LabInterpretation] = []) -> String {
        var lines: [String] = []
        for w in warnings { lines.append("Warning: \(w)") }
        if !labs.isEmpty {
            lines.append("Labs (read once for the patient; a lab term is listed under a candidate only when it changes its score):")
            for l in labs { lines.append("   " + labLine(l)) }
        }
        lines.append("Differential diagnosis over \(database.rawValue.uppercased()) diseases (HPO \(release)); post-test probability with a uniform pre-test probability")
        if phenotypeWeight < 1 {
            lines.append("Each term's likelihood ratio below is weighted as combined: LR^\(fixed(phenotypeWeight, 3)) (patient terms are not independent tests); the ratio alone is in brackets.")
        }
        lines.append("")
        lines.append("rank  probability  log10 LR  disease")
        for c in candidates {
            let also = c.equivalents.isEmpty ? "" : " (also " + c.equivalents.map(\.description).joined(separator: ", ") + ")"
            lines.append("\(String(c.rank).padded(4))  \(percent(c.posterior).padded(11))  \(fixed(c.logLikelihoodRatio / log(10), 2).padded(8))  \(c.disease)\(also)  \(c.name)")
        }
        for c in candidates {
            lines.append("")
            lines.append("\(c.rank). \(c.disease) \(c.name)  (\(percent(c.posterior)))")
            for e in c.evidence {
                let what = (e.excluded ? "NOT " : "") + "\(e.patientTerm) \(e.patientTermName)"
                var detail = e.matchText
                if let t = e.diseaseTerm, let n = e.diseaseTermName { detail += ": \(t) \(n)" }
                if let f = e.frequency { detail += " [\(f)]" }
                let source = e.source == "phenotype" ? "" : " (from \(e.source))"
                let weighted = phenotypeWeight < 1 ? " (alone \(fixed(e.likelihoodRatio, 3)))" : ""
                lines.append("   LR \(fixed(e.weightedLikelihoodRatio, 3).padded(9)) \(what)\(source) - \(detail)\(weighted)")
            }
            if let o = c.onset {
                lines.append("   LR \(fixed(o.likelihoodRatio, 3).padded(9)) onset \(o.patient) vs disease onset \(o.disease.map { "\($0)" }.joined(separator: "/"))")
            }
            if let r = c.sexLikelihoodRatio {
                lines.append("   LR \(fixed(r, 3).padded(9)) female patient, disease X-linked recessive or male-limited")
            }
            for g in c.genotype {
                lines.append("   LR \(fixed(g.likelihoodRatio, 3).padded(9)) \(g.reason) [\(g.source)]")
            }
            if !c.lookFor.isEmpty {
                lines.append("   Look for: " + c.lookFor.map { "\($0.name) (\($0.term), \($0.frequency))" }.joined(separator: "; "))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func labLine(_ l: LabInterpretation) -> String {
        var line = "\(l.analyteName) \(number(l.entered.value)) \(l.entered.unit)"
        if l.entered.unit != l.si.unit { line += " (\(number(l.si.value)) \(l.si.unit))" }
        else if l.entered.unit != l.conventional.unit { line += " (\(number(l.conventional.value)) \(l.conventional.unit))" }
        line += ": \(l.flag.rawValue)"
        if let i = l.interval {
            line += " [\(number(i.low))-\(i.high.map(number) ?? "") \(l.conventional.unit), \(i.population)]"
        }
        if let t = l.impliedTerm { line += " -> \(t) \(l.impliedTermLabel ?? "")" }
        else if !l.excludedTerms.isEmpty { line += " -> excludes " + l.excludedTerms.map(\.description).joined(separator: ", ") }
        if let n = l.note { line += " (\(n))" }
        return line
    }

    static func number(_ x: Double) -> String {
        let s = String(format: "%.3g", x)
        return s
    }

    static func percent(_ p: Double) -> String {
        if p >= 0.001 { return fixed(p * 100, 1) + "%" }
        return "<0.1%"
    }

    static func fixed(_ x: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", x)
    }
}

extension String {
    func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
