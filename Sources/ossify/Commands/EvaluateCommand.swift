public import ArgumentParser
import Clinical
import Diagnosis
import Foundation
import Ontology

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure the diagnosis engine on solved phenopackets: top-1/3/5/10, MRR, time per case.")

    @Argument(help: "Phenopacket files, folders of them, or .jsonl files with one phenopacket per line.")
    var paths: [String]

    @Option(help: "Disease database to rank: omim, orpha, decipher or all.")
    var database: Corpus = .omim

    @Flag(help: "Add the case's genes and variants (never its diagnosis) to the evidence.")
    var useGenotype = false

    @Option(help: "Write id,truth,rank,first (the disease ranked first) for every case to this CSV file.")
    var ranks: String?

    @Option(name: .customLong("param"), parsing: .singleValue,
            help: ArgumentHelp("Override a global scoring constant, NAME=VALUE (for fitting).", visibility: .hidden))
    var overrides: [String] = []

    @Flag(name: .customLong("print-constants"),
          help: ArgumentHelp("Print the global scoring constants (after any --param) as JSON and exit (for fitting).", visibility: .hidden))
    var printConstants = false

    @Flag(help: "Read phenopackets with keys the schema does not have (each a warning) instead of refusing them.")
    var lenient = false

    @Flag(help: "Print JSON with the keys cases, top1, top3, top5, top10, macroTop10, mrr, medianMillisPerCase, p95MillisPerCase, seconds.")
    var json = false

    func run() throws {
        let start = DispatchTime.now().uptimeNanoseconds
        let kb = try loadKnowledgeBase()
        let parameters = try ScoringParameters.standard.overriding(overrides)
        if printConstants { return try printJSON(parameters) }
        let (loaded, refused) = try CaseFiles.load(paths, lenient: lenient)
        let service = try loadDiagnosisService(kb)
        let builder = service.builder
        var cases: [EvaluationCase] = []
        var skipped = 0
        for c in loaded {
            guard let truth = c.truth.first else { skipped += 1; continue }
            // A case whose input cannot be used at all still counts: every disease ties, a miss.
            let query = (try? builder.build(c.record, lenient: true, useGenotype: useGenotype).query) ?? DiagnosisQuery()
            cases.append(EvaluationCase(id: c.id, truth: truth, query: query))
        }
        guard !cases.isEmpty else {
            for r in refused.prefix(20) { FileHandle.standardError.write(Data("refused: \(r)\n".utf8)) }
            throw CLIFailure("no case could be evaluated: \(refused.count) refused as invalid, \(skipped) without a diagnosis")
        }
        // Sex-specific annotations apply per case: one index per sex.
        var engines: [AnnotationSex?: LikelihoodEngine] = [:]
        for sex in Set(cases.map(\.query.sex)) {
            engines[sex] = service.engine(corpus: database, sex: sex, parameters: parameters)
        }
        let results = Evaluation.run(cases, engines: engines)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let summary = Evaluation.summarize(results, seconds: seconds)
        if let ranks {
            var csv = "id,truth,rank,first\n"
            for r in results { csv += "\(csvField(r.id)),\(r.truth),\(r.rank),\(r.first.map(\.description) ?? "")\n" }
            try csv.write(toFile: ranks, atomically: true, encoding: .utf8)
        }
        for r in refused.prefix(20) { FileHandle.standardError.write(Data("refused: \(r)\n".utf8)) }
        if refused.count > 20 { FileHandle.standardError.write(Data("refused: \(refused.count - 20) more\n".utf8)) }
        if json { return try printJSON(summary) }
        print("Cases: \(summary.cases)" + (skipped > 0 ? " (\(skipped) skipped: no diagnosis)" : "")
              + (refused.isEmpty ? "" : "; \(refused.count) refused as invalid (see standard error)"))
        print("top-1 \(summary.top1)  top-3 \(summary.top3)  top-5 \(summary.top5)  top-10 \(summary.top10)  macro top-10 \(summary.macroTop10)  MRR \(summary.mrr)")
        print("median \(summary.medianMillisPerCase) ms per case, p95 \(summary.p95MillisPerCase) ms; \(summary.seconds) s in all")
    }

    func csvField(_ s: String) -> String {
        s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}

extension Corpus: ExpressibleByArgument {}

extension ScoringParameters {
    /// Applies NAME=VALUE overrides of the global constants (any field of `ScoringParameters`).
    func overriding(_ items: [String]) throws -> ScoringParameters {
        guard !items.isEmpty else { return self }
        guard var fields = try JSONSerialization.jsonObject(with: JSONEncoder().encode(self)) as? [String: Any] else {
            throw ValidationError("--param: the scoring constants could not be read")
        }
        for item in items {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let v = Double(parts[1]), v.isFinite else { throw ValidationError("--param: expected NAME=NUMBER") }
            guard fields[parts[0]] != nil else {
                throw ValidationError("--param: unknown constant '\(parts[0])'; known: \(fields.keys.sorted().joined(separator: ", "))")
            }
            fields[parts[0]] = v as Any
        }
        return try JSONDecoder().decode(ScoringParameters.self, from: JSONSerialization.data(withJSONObject: fields))
    }
}
