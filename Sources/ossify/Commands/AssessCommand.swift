import Composition
import ArgumentParser
import Clinical

/// `ossify assess case.json` or `ossify assess --present ... --lab ... --lesion ...`
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Classify within the GNAS spectrum: POH, POH/AHO overlap, osteoma cutis, PPHP, PHP1A/1B/1C or FOP suspected.",
        discussion: """
        Reports each criterion (depth, progression, AHO features, hormone resistance, GNAS variant and \
        parent of origin, FOP red flags) as met, not met or unknown with its source, the missing tests \
        that would change the call and the 2018 consensus follow-up screens. Rules: Knowledge/gnas-spectrum.json.
        """
    )

    @OptionGroup var patient: PatientOptions

    @Option(name: .customLong("lesion"), parsing: .singleValue,
            help: "A lesion observation: \"site=left forearm,depth=muscle,morphology=diffuse,onset=P3Y\" (repeatable).")
    var lesions: [String] = []

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        var record = try loadPatient(patient)
        for (index, text) in lesions.enumerated() {
            record.lesions.append(try LesionOption.parse(text, position: index + 1))
        }
        // The HPO release makes descendants of a criterion's terms count; without it, exact terms only.
        let kb = try? loadKnowledgeBase()
        if kb == nil { printError("note: no HPO release installed; only the exact terms of each criterion count (see 'ossify data info')") }
        let hierarchy = kb.map(TermHierarchy.init) ?? .exact
        let assessment = assessGNASSpectrum(record, knowledge: try loadKnowledge { try $0.spectrum() },
                                            labs: try loadKnowledge { try $0.labs() },
                                            transcript: try loadKnowledge { try $0.transcript() }, hierarchy: hierarchy)
        if json { try printJSON(assessment); return }
        print(AssessReport.render(assessment))
    }
}

/// The patient of `assess`: a phenopacket file with the flags' findings added, or the flags alone.
///
/// LEAD: the single call site for phenopacket input; it goes through `PatientOptions.loadRecord()`,
/// so it follows the Phenopackets module when `loadRecord()` does.
func loadPatient(_ options: PatientOptions) throws -> PatientRecord {
    try options.loadRecord()
}

enum AssessReport {
    static func render(_ a: SpectrumAssessment) -> String {
        var lines: [String] = []
        if let p = a.precautions {
            lines.append("!! \(p.title.uppercased())")
            for item in p.items { lines.append("!!   \(item)") }
            lines.append("!!   [\(p.source)]")
            lines.append("")
        }
        for c in a.conflicts { lines.append(c) }
        if !a.conflicts.isEmpty { lines.append("") }
        lines.append("Classification: \(a.name)\(a.provisional ? " (provisional)" : " (definite)")")
        if !a.unknowns.isEmpty { lines.append("  provisional: unknown " + a.unknowns.joined(separator: "; ")) }
        var ids = [a.omim, a.mondo, a.orpha].compactMap { $0 }
        if let i = a.ippsd { ids.append("\(i.name) (iPPSD nomenclature, UNCONFIRMED mapping)") }
        if !ids.isEmpty { lines.append("  " + ids.joined(separator: ", ")) }
        lines.append("  why: \(a.reason) [\(a.ruleSource)\(a.ruleUnconfirmed ? "; UNCONFIRMED" : "")]")
        lines.append("")
        lines.append("Criteria:")
        for c in a.criteria {
            let mark = switch c.status { case .met: "[x]"; case .notMet: "[ ]"; case .unknown: "[?]" }
            lines.append("  \(mark) \(c.name): \(c.status.rawValue)  [\(c.source)\(c.unconfirmed ? "; UNCONFIRMED" : "")]")
            for e in c.evidence { lines.append("        \(e)") }
        }
        if !a.labs.isEmpty {
            lines.append("")
            lines.append("Labs:")
            for l in a.labs {
                lines.append("  \(l.analyteName): \(Output.number(l.conventional.value)) \(l.conventional.unit) \(l.flag.rawValue)\(l.impliedTerm.map { " -> \($0)" } ?? "")")
            }
        }
        if let d = a.differential {
            lines.append("")
            lines.append("\(d.title) [\(d.source)]:")
            for item in d.items { lines.append("  - \(item)") }
        }
        if !a.nextSteps.isEmpty {
            lines.append("")
            lines.append("Missing (next steps):")
            for s in a.nextSteps { lines.append("  - \(s)") }
        }
        if !a.followUp.isEmpty {
            lines.append("")
            lines.append("Follow-up screening (2018 consensus, \(a.followUpSource)\(a.followUpUnconfirmed ? "; per-category mapping UNCONFIRMED" : "")):")
            for s in a.followUp { lines.append("  - \(s)") }
        }
        if !a.warnings.isEmpty {
            lines.append("")
            for w in a.warnings { lines.append("Warning: \(w)") }
        }
        lines.append("")
        lines.append("Summary: \(a.summary)")
        return lines.joined(separator: "\n")
    }
}
