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
        guard (1...20_000).contains(top) else { throw ValidationError("--top must be from 1 to 20000") }
        guard patient.phenopacket != nil || patient.hasFlagFindings else {
            throw ValidationError("give a phenopacket file or at least one finding (--present, --excluded, --lab, --gene)")
        }
    }

    func run() throws {
        let kb = try loadKnowledgeBase()
        try patient.checkTerms(in: kb)
        let record = try patient.loadRecord()
        let service = try loadDiagnosisService(kb)
        let parameters = try ScoringParameters.standard.overriding(overrides)
        let result: DiagnosisResult
        do {
            result = try service.diagnose(record, corpus: database, top: top, parameters: parameters)
        } catch {
            throw CLIFailure("\(patient.userField(error.field, record: record)): \(error.message)")
        }
        if json { return try printJSON(result) }
        print(DiagnosisReport.text(result.candidates, warnings: result.warnings, release: result.release, database: database,
                                   phenotypeWeight: result.phenotypeWeight, labs: result.labs))
    }
}
