import ArgumentParser
import Clinical
import Diagnosis
import Foundation
import Ontology

struct DiagnoseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Rank every rare disease for a patient, with the evidence for each candidate.",
        discussion: """
        Give a GA4GH Phenopacket v2 file, or the findings as flags, e.g.
          ossify diagnose --present HP:0034282,HP:0011987 --excluded HP:0003165 --onset P2Y --sex female \\
            --lab "calcium=2.35 mmol/L" --lab "PTH=40 pg/mL" --gene GNAS --variant NM_000516.7:c.565_568del --origin paternal
        """)

    @OptionGroup var patient: PatientOptions

    @Option(help: "Disease database to rank: omim, orpha, decipher or all.")
    var database: Corpus = .omim

    @Option(name: .customLong("top"), help: "How many candidates to show.")
    var top = 10

    @Option(name: .customLong("param"), parsing: .singleValue,
            help: ArgumentHelp("Override a global scoring constant, NAME=VALUE.", visibility: .hidden))
    var overrides: [String] = []

    @Flag(help: "Print JSON with every candidate's full evidence.")
    var json = false

    func validate() throws {
        guard (1...500).contains(top) else { throw ValidationError("--top must be from 1 to 500") }
        guard patient.phenopacket != nil || patient.hasFlagFindings else {
            throw ValidationError("give a phenopacket file or at least one finding (--present, --excluded, --lab, --gene)")
        }
    }

    struct Output: Encodable {
        var release: String
        var database: String
        var warnings: [String]
        /// The phenotype log LR is scaled by this factor (at most `independentTerms` terms' worth).
        var phenotypeWeight: Double
        var candidates: [DiseaseExplanation]
    }

    func run() throws {
        let kb = try loadKnowledgeBase()
        let record = try patient.loadRecord()
        let built: QueryBuilder.Result
        do {
            built = try loadQueryBuilder(kb).build(record)
        } catch let error as QueryError {
            throw CLIFailure(error.description)
        }
        guard !built.query.observed.isEmpty || !built.query.excluded.isEmpty || !built.query.genes.isEmpty else {
            throw CLIFailure("no usable finding: give at least one observed HPO term, excluded term, lab value or gene")
        }
        let engine = LikelihoodEngine(index: DiagnosisIndex(kb: kb, corpus: database, sex: built.query.sex, parameters: try ScoringParameters.standard.overriding(overrides)))
        let ranked = engine.rank(built.query).prefix(top)
        let explanations = ranked.map { engine.explain($0, query: built.query) }
        if json {
            return try printJSON(Output(release: kb.release.hpoVersion, database: database.rawValue,
                                        warnings: built.warnings, phenotypeWeight: engine.phenotypeScale(built.query),
                                        candidates: explanations))
        }
        print(DiagnosisReport.text(explanations, warnings: built.warnings, release: kb.release.hpoVersion, database: database,
                                  phenotypeWeight: engine.phenotypeScale(built.query)))
    }
}

/// Plain-text rendering of a differential diagnosis.
enum DiagnosisReport {
    static func text(_ candidates: [DiseaseExplanation], warnings: [String], release: String, database: Corpus,
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
            lines.append("\(String(c.rank).padding(4))  \(percent(c.posterior).padding(11))  \(fixed(c.logLikelihoodRatio / log(10), 2).padding(8))  \(c.disease)  \(c.name)")
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
                lines.append("   LR \(fixed(e.likelihoodRatio, 3).padding(9)) \(what)\(source) - \(detail)")
            }
            if let o = c.onset {
                lines.append("   LR \(fixed(o.likelihoodRatio, 3).padding(9)) onset \(o.patient) vs disease onset \(o.disease.map { "\($0)" }.joined(separator: "/"))")
            }
            for g in c.genotype {
                lines.append("   LR \(fixed(g.likelihoodRatio, 3).padding(9)) \(g.reason) [\(g.source)]")
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
