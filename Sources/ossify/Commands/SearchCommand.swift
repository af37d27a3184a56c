import ArgumentParser
import Ontology

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find HPO terms by label or synonym (prefix, word order, case and hyphen insensitive).")

    @Argument(help: "Words to look for, e.g. \"subcutaneous ossif\".")
    var query: String

    @Option(name: .shortAndLong, help: "How many matches to show.")
    var limit = 10

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be from 1 to 1000") }
        guard query.contains(where: { $0.isLetter || $0.isNumber }) else { throw ValidationError("the query has no letters or digits") }
    }

    struct Row: Encodable { var id: String; var name: String; var matched: String; var synonym: Bool }

    func run() throws {
        let kb = try loadKnowledgeBase()
        let hits = TermSearch(kb).search(query, limit: limit)
        let rows = hits.map { h in
            Row(id: kb.term(at: h.term).id.description, name: kb.term(at: h.term).name, matched: h.matched, synonym: h.isSynonym)
        }
        if json { return try printJSON(rows) }
        if rows.isEmpty { print("No term matches '\(query)'."); return }
        for r in rows {
            print("\(r.id)  \(r.name)" + (r.synonym ? "  (synonym: \(r.matched))" : ""))
        }
    }
}
