import Foundation
public import Ontology

/// Plain-text rendering of a differential diagnosis.
public enum DiagnosisReport {
    public static func text(_ candidates: [DiseaseExplanation], warnings: [String], release: String, database: Corpus,
                     phenotypeWeight: Double) -> String {
        var lines: [String] = []
        for w in warnings { lines.append("Warning: \(w)") }
        lines.append("Differential diagnosis over \(database.rawValue.uppercased()) diseases (HPO \(release)); post-test probability with a uniform pre-test probability")
        if phenotypeWeight < 1 {
            lines.append("The terms' likelihood ratios below are combined with weight \(fixed(phenotypeWeight, 3)) (patient terms are not independent tests).")
        }
        lines.append("")
        lines.append("rank  probability  log10 LR  disease")
        for c in candidates {
            lines.append("\(String(c.rank).padded(4))  \(percent(c.posterior).padded(11))  \(fixed(c.logLikelihoodRatio / log(10), 2).padded(8))  \(c.disease)  \(c.name)")
        }
        for c in candidates {
            lines.append("")
            lines.append("\(c.rank). \(c.disease) \(c.name)  (\(percent(c.posterior)))")
            for e in c.evidence {
                let what = (e.excluded ? "NOT " : "") + "\(e.patientTerm) \(e.patientTermName)"
                var detail = e.match.rawValue
                if let t = e.diseaseTerm, let n = e.diseaseTermName { detail += ": \(t) \(n)" }
                if let f = e.frequency { detail += " [\(f)]" }
                let source = e.source == "phenotype" ? "" : " (from \(e.source))"
                lines.append("   LR \(fixed(e.likelihoodRatio, 3).padded(9)) \(what)\(source) - \(detail)")
            }
            if let o = c.onset {
                lines.append("   LR \(fixed(o.likelihoodRatio, 3).padded(9)) onset \(o.patient) vs disease onset \(o.disease.map { "\($0)" }.joined(separator: "/"))")
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
