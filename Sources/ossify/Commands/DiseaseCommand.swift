import Composition
import ArgumentParser
import Clinical
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Ontology

/// `ossify disease ID`: the curated monograph of a GNAS-spectrum disease (with the HPO-derived
/// profile summed up below it), or, for every other disease of the HPO release, the profile derived
/// from its annotations.
struct DiseaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disease",
        abstract: "Show a disease: the curated monograph, or the profile derived from the HPO annotations.",
        discussion: """
            ID is an OMIM, ORPHA or MONDO id in any letter case (OMIM:166350, omim:166350, ORPHA:2762, \
            MONDO:0008153) or the key of a curated monograph (osteoma-cutis). Curated monographs exist \
            for POH, osteoma cutis, PPHP, PHP1A, PHP1B, PHP1C and FOP; facts marked UNCONFIRMED could \
            not be checked against a primary source.
            """
    )

    @Argument(help: "Disease id (OMIM:166350, ORPHA:2762, MONDO:0008153) or monograph key (osteoma-cutis).")
    var id: String

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Flag(help: "Show the full profile derived from the HPO annotations, even when a curated monograph exists.")
    var derived = false

    func run() throws {
        let catalog = try loadKnowledge { try $0.monographs() }
        let kb = try loadKnowledgeBase()
        let lookup = DiseaseLookup(kb)

        if !derived, let monograph = catalog.monograph(for: id) {
            try printMonograph(monograph, catalog: catalog, kb: kb, lookup: lookup)
            return
        }
        guard let index = lookup.index(of: id) ?? catalog.monograph(for: id).flatMap({ m in
            (m.omimID ?? m.alternativeTitleOf?.value).flatMap { kb.diseaseIndex[$0] }
        }) else {
            throw DiseaseNotFound(query: id, suggestions: lookup.closeMatches(id), catalog: catalog)
        }
        let profile = DiseaseProfile(disease: index, in: kb)
        if json {
            print(try Self.encode(DiseaseReport(kind: .derived, hpoProfile: profile)))
        } else {
            print(profile.text, terminator: "")
        }
    }

    private func printMonograph(_ m: Monograph, catalog: MonographCatalog, kb: KnowledgeBase, lookup: DiseaseLookup) throws {
        let file = "Knowledge/monographs/" + (catalog.files[m.key] ?? m.key + ".json")
        // The HPO profile of the id asked for when the annotations have it (ORPHA:2762), else of the
        // disease's OMIM id, or of the OMIM entry it is an alternative title of.
        let profile = lookup.index(of: id).map { DiseaseProfile(disease: $0, in: kb) }
            ?? (m.omimID ?? m.alternativeTitleOf?.value).flatMap { DiseaseProfile($0, in: kb) }
        if json {
            let cited = Set(m.facts.flatMap(\.provenance.sources))
            let report = DiseaseReport(kind: .monograph, file: file, monograph: m,
                                       sources: catalog.sources.sources.filter { cited.contains($0.key) },
                                       unconfirmed: m.unconfirmedFacts.map(\.path), hpoProfile: profile)
            print(try Self.encode(report))
            return
        }
        let renderer = MonographTextRenderer(
            sources: catalog.sources,
            termName: { kb.term($0)?.name },
            neighbourName: { catalog.neighbourName($0) ?? lookup.index(of: $0).map { kb.diseases[Int($0)].name } })
        print(renderer.render(m, file: file), terminator: "")
        print("")
        if let profile {
            print(profile.summaryText, terminator: "")
            print("  Full derived profile: ossify disease \(profile.id) --derived")
        } else {
            print("No HPO annotations for this disease in the release.")
        }
    }

    static func encode(_ report: DiseaseReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}

/// An id that names no curated monograph and no disease of the release.
struct DiseaseNotFound: Error, CustomStringConvertible {
    var query: String
    var suggestions: [Disease]
    var catalog: MonographCatalog

    var description: String {
        var text = "no disease '\(query)' in the curated monographs or the HPO annotations"
        if DiseaseLookup.canonicalID(query)?.prefix == "HP" {
            text += "\n\(query) is an HPO phenotype term, not a disease: see 'ossify term \(query)'"
        }
        if !suggestions.isEmpty {
            text += "\nclose matches:\n" + suggestions.map { "  \($0.id)  \($0.name)" }.joined(separator: "\n")
        }
        text += "\ncurated monographs: " + catalog.monographs.map { "\($0.displayID) (\($0.key))" }.joined(separator: ", ")
        return text
    }
}
