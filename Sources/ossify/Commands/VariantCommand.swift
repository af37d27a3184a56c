import Composition
import ArgumentParser
import Clinical

/// `ossify variant "NM_000516.7:c.565_568del"`
struct VariantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "variant",
        abstract: "Read an HGVS variant: parsed form, consequence class, Gs-alpha exon and expected loss of function.",
        discussion: """
        Accepts c., g., n., m. and p. descriptions, e.g. NM_000516.7:c.565_568del, \
        NM_000516.7:c.435+1G>A, NP_000507.1:p.(Arg201Cys), p.R201C, or a DNA change with its protein \
        consequence: "NM_000516.7:c.601C>T (p.Arg201Cys)".
        """
    )

    @Argument(help: "An HGVS expression (quote it).")
    var expression: String

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let variant: HGVSVariant
        do { variant = try HGVSVariant(parsing: expression) } catch {
            throw CLIFailure("\(error.description)\n  \(expression)\n  \(error.caretLine)")
        }
        let transcript = try loadKnowledge { try $0.transcript() }
        let report = VariantReport(variant, input: expression, transcript: transcript)
        if json { try printJSON(report); return }
        print("Variant:      \(report.canonical)")
        if report.oneLetter != report.canonical { print("One-letter:   \(report.oneLetter)") }
        print("Type:         \(report.type)")
        print("Change:       \(report.change)")
        print("Consequence:  \(report.consequence.consequence.rawValue)")
        print("Loss of function: \(report.consequence.lossOfFunction.rawValue)")
        for reason in report.consequence.reasons { print("  - \(reason)") }
        if report.gnas {
            for loc in report.consequence.location {
                print("Gs-alpha:     \(loc.note)\(loc.source.map { " (source: \($0))" } ?? "")")
            }
        }
        for warning in report.consequence.warnings { print("Warning:      \(warning)") }
    }
}

/// The JSON form of `ossify variant`.
struct VariantReport: Encodable {
    var input: String
    var canonical: String
    var oneLetter: String
    var reference: String?
    var gene: String?
    /// c., g., n., m. or p.
    var type: String
    /// The kind of edit in words: substitution, deletion, frameshift...
    var change: String
    var gnas: Bool
    var consequence: VariantConsequence

    init(_ v: HGVSVariant, input: String, transcript: GNASTranscript) {
        self.input = input
        canonical = v.description
        oneLetter = v.description(style: .oneLetter)
        reference = v.reference
        gene = v.gene
        gnas = transcript.applies(to: v)
        consequence = VariantConsequence(v, transcript: transcript)
        switch v.change {
        case .nucleotide(let t, let n):
            type = t.rawValue + "."
            change = switch n.edit {
            case .substitution: "substitution"
            case .deletion: "deletion"
            case .duplication: "duplication"
            case .insertion: "insertion"
            case .deletionInsertion: "deletion-insertion"
            case .inversion: "inversion"
            case .unchanged: "no change"
            }
        case .protein(let p):
            type = "p."
            change = p.kindName
        }
    }
}

extension ProteinChange {
    var kindName: String {
        let base: String = switch kind {
        case .unknown: "unknown effect"
        case .noProtein: "no protein"
        case .unchanged: "no change"
        case .edit(let e):
            switch e {
            case .substitution: "substitution"
            case .synonymous: "synonymous"
            case .unknownEffect: "unknown effect on a residue"
            case .deletion: "deletion"
            case .duplication: "duplication"
            case .insertion: "insertion"
            case .deletionInsertion: "deletion-insertion"
            case .frameshift: "frameshift"
            case .stopExtension: "stop-codon extension"
            case .startExtension: "N-terminal extension"
            }
        }
        return predicted ? base + " (predicted)" : base
    }
}
