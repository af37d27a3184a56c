import ArgumentParser
import Ontology

struct TermCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "term",
        abstract: "Show an HPO term: name, definition, synonyms, parents, children, information content, diseases.")

    @Argument(help: "An HPO id, e.g. HP:0034282 (alternative and obsolete ids resolve to the current term).")
    var id: String

    @Flag(help: "Print JSON.")
    var json = false

    struct Output: Encodable {
        var id: String
        var name: String
        var note: String?
        var definition: String?
        var comment: String?
        var synonyms: [Synonym]
        var altIDs: [String]
        var xrefs: [String]
        var subsets: [String]
        var parents: [Link]
        var children: [Link]
        var informationContent: [String: Double]
        var diseasesDirect: [String: Int]
        var diseasesIncludingDescendants: [String: Int]
        struct Link: Encodable { var id: String; var name: String }
    }

    func run() throws {
        let kb = try loadKnowledgeBase()
        let (index, note) = try resolveTerm(id, in: kb)
        let t = kb.term(at: index)
        let corpora: [Corpus] = [.omim, .orpha, .decipher, .all]
        var ic: [String: Double] = [:], direct: [String: Int] = [:], total: [String: Int] = [:]
        for c in corpora {
            ic[c.rawValue] = (kb.informationContent(index, corpus: c) * 1000).rounded() / 1000
            direct[c.rawValue] = kb.directDiseaseCount(index, corpus: c)
            total[c.rawValue] = Int(kb.diseaseCounts[c]?[Int(index)] ?? 0)
        }
        let out = Output(
            id: t.id.description, name: t.name, note: note, definition: t.definition, comment: t.comment,
            synonyms: t.synonyms, altIDs: t.altIDs.map(\.description), xrefs: t.xrefs, subsets: t.subsets,
            parents: kb.parents[Int(index)].map { .init(id: kb.term(at: $0).id.description, name: kb.term(at: $0).name) },
            children: kb.children[Int(index)].map { .init(id: kb.term(at: $0).id.description, name: kb.term(at: $0).name) },
            informationContent: ic, diseasesDirect: direct, diseasesIncludingDescendants: total)
        if json { return try printJSON(out) }
        if let note { print("Note: \(note)") }
        print("\(out.id)  \(out.name)")
        if let d = out.definition { print("Definition: \(d)") }
        if let c = out.comment { print("Comment: \(c)") }
        if !out.synonyms.isEmpty {
            print("Synonyms:")
            for s in out.synonyms { print("  \(s.text) [\(s.scope.rawValue)\(s.type.map { ", " + $0 } ?? "")]") }
        }
        if !out.altIDs.isEmpty { print("Alternative ids: \(out.altIDs.joined(separator: ", "))") }
        print("Parents:")
        for p in out.parents { print("  \(p.id)  \(p.name)") }
        print("Children (\(out.children.count)):")
        for c in out.children { print("  \(c.id)  \(c.name)") }
        print("Information content (-ln p, p = share of diseases annotated here or below):")
        for c in corpora {
            let k = c.rawValue
            print("  \(k.padding(9)) IC \(String(format3: ic[k] ?? 0))   diseases: \(direct[k] ?? 0) directly, \(total[k] ?? 0) with descendants (of \(kb.corpusSizes[c] ?? 0))")
        }
    }
}

extension String {
    init(format3 value: Double) {
        let scaled = (value * 1000).rounded() / 1000
        var s = String(scaled)
        if let dot = s.firstIndex(of: ".") {
            let decimals = s.distance(from: dot, to: s.endIndex) - 1
            if decimals < 3 { s += String(repeating: "0", count: 3 - decimals) }
        }
        self = s
    }

    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
