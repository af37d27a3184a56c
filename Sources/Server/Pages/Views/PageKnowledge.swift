import Composition
import Clinical
import NIOConcurrencyHelpers
import Ontology
import Registry

/// What the pages read from the knowledge base and the lab knowledge: term names and definitions,
/// the HPO qualifier subtrees offered as choices, the term search of the autocomplete, disease
/// names. Without engines (a server built on the store alone) ids are shown as they are.
struct PageKnowledge: Sendable {
    let engines: Engines?
    private let searchIndex: TermSearchIndex?
    /// Onset, severity and laterality terms (the subtrees PhenoTips offers), as (id, name).
    let onsets: [(value: String, label: String)]
    let severities: [(value: String, label: String)]
    let lateralities: [(value: String, label: String)]

    static let onsetRoot = "HP:0003674", severityRoot = "HP:0012824", lateralityRoot = "HP:0012831"

    init(engines: Engines?) {
        self.engines = engines
        searchIndex = engines.map { TermSearchIndex($0.diagnosis.kb) }
        let kb = engines?.diagnosis.kb
        func subtree(_ root: String) -> [(value: String, label: String)] {
            guard let kb, let id = TermID(root), let index = kb.index(of: id) else { return [] }
            var out: [(value: String, label: String)] = []
            func walk(_ i: Int32, depth: Int) {
                for child in kb.children[Int(i)] {
                    let term = kb.term(at: child)
                    guard !term.isObsolete else { continue }
                    out.append((value: term.id.description, label: String(repeating: "\u{2003}", count: depth) + term.name))
                    walk(child, depth: depth + 1)
                }
            }
            walk(index, depth: 0)
            return out
        }
        onsets = subtree(Self.onsetRoot)
        severities = subtree(Self.severityRoot)
        lateralities = subtree(Self.lateralityRoot)
    }

    var kb: KnowledgeBase? { engines?.diagnosis.kb }

    /// The search over names and synonyms, built at its first use.
    var search: TermSearch? { searchIndex?.search }

    func term(_ id: String) -> Term? {
        guard let kb, let termID = TermID(id) else { return nil }
        return kb.term(termID)
    }

    func termName(_ id: String) -> String? { term(id)?.name }

    func diseaseName(_ code: String) -> String? {
        guard let kb, let id = TermID(code) else { return nil }
        return kb.disease(id)?.name
    }

    /// An HPO id as typed, or the id of the term whose name or synonym is exactly `text`
    /// (case-insensitive): what the phenotype form takes without the autocomplete.
    func hpoID(_ text: String) -> String {
        if TermID(text)?.prefix == "HP" { return text }
        guard let kb, let search else { return text }
        let wanted = TermSearch.words(text).joined(separator: " ")
        for hit in search.search(text, limit: 5) where TermSearch.words(hit.matched).joined(separator: " ") == wanted {
            return kb.term(at: hit.term).id.description
        }
        return text
    }

    /// The lab analytes as form choices: LOINC code (the field's value) and name with its units.
    var analytes: [(value: String, label: String)] {
        (engines?.labs.analytes ?? []).map { a in
            (value: a.loinc.code, label: "\(a.name) (\(a.units.map(\.symbol).joined(separator: ", ")))")
        }
    }
}

/// The term search of a knowledge base, built once at its first use (a server or a test that
/// never searches does not pay for it).
final class TermSearchIndex: Sendable {
    private let kb: KnowledgeBase
    private let built = NIOLockedValueBox<TermSearch?>(nil)

    init(_ kb: KnowledgeBase) {
        self.kb = kb
    }

    var search: TermSearch {
        built.withLockedValue { value in
            if let value { return value }
            let search = TermSearch(kb)
            value = search
            return search
        }
    }
}
