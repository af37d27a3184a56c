import Composition
import ArgumentParser
import Clinical
import Foundation

/// `ossify risk --pedigree family.ped --proband ID` or `ossify risk --parent father --parent-status carrier`
struct RiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "Family risk for a GNAS variant: chance of inheriting it and the phenotype expected from the transmitting parent.",
        discussion: """
        PED columns: family, individual, father, mother, sex (1 male, 2 female, 0 unknown), affected \
        (2 affected, 1 unaffected, 0 unknown) and an optional 7th column with the GNAS carrier status \
        (carrier, noncarrier, untested). Lines starting with # are comments.
        """
    )

    @Option(help: "A PED file (6 columns and an optional carrier column).")
    var pedigree: String?

    @Option(help: "The proband's individual id in the PED file.")
    var proband: String?

    @Option(help: "The family id, when the proband id occurs in several families.")
    var family: String?

    @Option(help: "Without a pedigree: the parent whose status is known (father, mother).")
    var parent: ParentRole?

    @Option(name: .customLong("parent-status"), help: "The parent's GNAS status: carrier, noncarrier, untested.")
    var parentStatus: Pedigree.CarrierStatus?

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        if pedigree != nil {
            guard proband != nil else { throw ValidationError("--pedigree needs --proband ID") }
            guard parent == nil, parentStatus == nil else { throw ValidationError("give either --pedigree or --parent, not both") }
        } else {
            guard parent != nil, parentStatus != nil else {
                throw ValidationError("give --pedigree FILE --proband ID, or --parent father|mother --parent-status carrier|noncarrier|untested")
            }
            guard proband == nil, family == nil else { throw ValidationError("--proband and --family need --pedigree") }
        }
    }

    func run() throws {
        let knowledge = try loadKnowledge { try $0.inheritance() }
        let risk: FamilyRisk
        if let pedigree, let proband {
            let url = URL(fileURLWithPath: pedigree)
            let text: String
            do { text = try String(contentsOf: url, encoding: .utf8) } catch {
                throw CLIFailure("cannot read the pedigree file \(url.lastPathComponent)")
            }
            do {
                let ped = try Pedigree(ped: text, file: url.lastPathComponent)
                risk = try FamilyRisk.compute(ped, proband: proband, family: family, knowledge: knowledge)
            } catch { throw CLIFailure(error.description) }
        } else if let parent, let parentStatus {
            risk = FamilyRisk.forChild(of: parent, status: parentStatus, knowledge: knowledge)
        } else {
            throw ValidationError("nothing to compute")
        }
        if json { try printJSON(risk); return }
        if let proband = risk.proband {
            let origin = risk.probandOrigin.map { $0 == .unknown ? "unknown (parents not tested)" : $0.rawValue } ?? "unknown"
            print("Proband \(proband): variant origin \(origin)")
        }
        for e in risk.entries {
            print("\(e.individual.map { "\($0), " } ?? "")\(e.relation): \(e.chanceText)")
            if let text = e.phenotypeText { print("  expected phenotype: \(text)") }
            if let term = e.inheritanceTerm { print("  inheritance: \(term)") }
            print("  why: \(e.explanation) [\(e.sources.joined(separator: "; "))]")
        }
        if !risk.nextSteps.isEmpty {
            print("Next steps:")
            for s in risk.nextSteps { print("  - \(s)") }
        }
    }
}
