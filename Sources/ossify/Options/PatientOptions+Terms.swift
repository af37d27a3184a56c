import ArgumentParser
import Ontology

extension PatientOptions {
    /// Checks every `--present` and `--excluded` item against the release, at the door: each error
    /// names the flag and the item's position. An item that is not an HPO id (a label such as
    /// "brachydactyly", a lower-case id) is refused with the search's best matches as "did you
    /// mean"; an id outside Phenotypic abnormality is refused with where it belongs.
    func checkTerms(in kb: KnowledgeBase) throws {
        var search: TermSearch?
        for (flag, lists) in [("--present", present), ("--excluded", excluded)] {
            for (position, item) in lists.flatMap({ $0.split(separator: ",") }).enumerated() {
                let text = item.trimmingSpaces
                let place = "\(flag) item \(position + 1)"
                func suggestions() -> String {
                    if search == nil { search = TermSearch(kb) }
                    var ids: [Int32] = []
                    if let id = TermID(text.uppercased()), let i = kb.resolve(id).index { ids.append(i) }
                    ids += (search?.search(text, limit: 3) ?? []).map(\.term).filter { !ids.contains($0) }
                    let names = ids.prefix(3).map { "\(kb.term(at: $0).id) (\(kb.term(at: $0).name))" }
                    return names.isEmpty ? "" : "; did you mean " + names.joined(separator: ", ") + "?"
                }
                guard let id = TermID(text), id.prefix == "HP" else {
                    throw ValidationError("\(place): '\(text)' is not an HPO id such as HP:0034282" + suggestions())
                }
                let resolution = kb.resolve(id)
                guard let index = resolution.index else {
                    if case .obsolete = resolution { continue }   // dropped with a warning by the query builder
                    throw ValidationError("\(place): " + (kb.resolutionNote(resolution) ?? "\(id) is not an HPO term") + suggestions())
                }
                guard kb.isUnder(index, HPO.phenotypicAbnormality) else {
                    throw ValidationError("\(place): \(kb.term(at: index).id) (\(kb.term(at: index).name)) is not a phenotypic abnormality (a descendant of HP:0000118)")
                }
            }
        }
    }
}
