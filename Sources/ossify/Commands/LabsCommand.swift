import Composition
import ArgumentParser
import Clinical

/// `ossify labs "PTH=92 pg/mL" "calcium=8.1 mg/dL" --age P9Y --sex male`
struct LabsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labs",
        abstract: "Interpret calcium, phosphate, intact PTH and TSH against age- and sex-specific reference intervals.",
        discussion: """
        Each value is converted to conventional and SI units, compared with the default reference \
        interval for the age and sex (Mayo Clinic Laboratories) or with the laboratory's own range \
        given as NAME=VALUE UNIT [LOW-HIGH], and flagged low, normal or high with the HPO term it implies.
        """
    )

    @Argument(help: "Lab values as NAME=VALUE UNIT, e.g. \"PTH=92 pg/mL\" or \"calcium=2.1 mmol/L [2.2-2.6]\".")
    var values: [String]

    @Option(help: "Age at measurement as an ISO 8601 duration, e.g. P9Y.")
    var age: String?

    @Option(help: "Sex at birth: female, male, other, unknown.")
    var sex: Sex = .unknown

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        if values.isEmpty { throw ValidationError("give at least one value, e.g. \"PTH=92 pg/mL\"") }
    }

    func run() throws {
        let ageValue: Age?
        do throws(AgeError) {
            ageValue = if let age { try Age(iso8601: age) } else { nil }
        } catch { throw ValidationError("--age: \(error.description)") }
        let knowledge = try loadKnowledge { try $0.labs() }
        var results: [LabInterpretation] = []
        for (index, text) in values.enumerated() {
            let lab = try Self.parse(text, position: index + 1)
            do { results.append(try knowledge.interpret(lab, age: ageValue, sex: sex)) } catch {
                throw ValidationError("value #\(index + 1): \(error.description)")
            }
        }
        if json {
            try printJSON(LabsReport(age: ageValue, sex: sex, knowledgeVersion: knowledge.version, results: results))
            return
        }
        for r in results { print(Self.render(r)) }
    }

    /// `NAME=VALUE UNIT` with an optional laboratory range `[LOW-HIGH]` at the end.
    static func parse(_ text: String, position: Int) throws -> LabResult {
        var body = text.trimmingSpaces
        var range: (Double, Double)?
        if body.hasSuffix("]"), let open = body.lastIndex(of: "[") {
            let inner = body[body.index(after: open)..<body.index(before: body.endIndex)]
            let parts = inner.split(separator: "-", maxSplits: 1).map { Double($0.trimmingSpaces) }
            guard parts.count == 2, let low = parts[0], let high = parts[1] else {
                throw ValidationError("value #\(position): the laboratory range must look like [15-65]")
            }
            range = (low, high)
            body = String(body[..<open]).trimmingSpaces
        }
        var lab = try PatientOptions.parseLab(body, position: position)
        if let range { lab.referenceLow = range.0; lab.referenceHigh = range.1 }
        return lab
    }

    static func render(_ r: LabInterpretation) -> String {
        var line = "\(r.analyteName): \(Output.number(r.conventional.value)) \(r.conventional.unit)"
        if r.si.unit != r.conventional.unit { line += " = \(Output.number(r.si.value)) \(r.si.unit)" }
        line += "  \(r.flag.rawValue.uppercased())"
        var lines = [line]
        if let i = r.interval {
            let high = i.high.map { "-" + Output.number($0) } ?? " or more"
            lines.append("  reference \(Output.number(i.low))\(high) \(r.conventional.unit) (\(i.population); source: \(i.source))")
        }
        if let term = r.impliedTerm { lines.append("  implies \(term) \(r.impliedTermLabel ?? "")") }
        if !r.excludedTerms.isEmpty { lines.append("  excludes \(r.excludedTerms.map(\.description).joined(separator: ", "))") }
        if let note = r.note { lines.append("  note: \(note)") }
        lines.append("  LOINC \(r.loinc.code)\(r.loinc.verified ? "" : " (verify)")")
        return lines.joined(separator: "\n")
    }
}

struct LabsReport: Encodable {
    var age: Age?
    var sex: Sex
    var knowledgeVersion: String
    var results: [LabInterpretation]
}
