public import Ontology

/// Renders a monograph as plain text for the terminal: one section per field, each fact followed by
/// its source keys in brackets, UNCONFIRMED facts marked as such with the curator's note, and the
/// cited sources with full citations at the end. Fields without facts are left out.
public struct MonographTextRenderer {
    public var sources: MonographSourceList
    /// The name of an HPO term, to show beside its id (nil: the id alone).
    public var termName: (TermID) -> String?
    /// The name of a differential's neighbour (a disease id or a monograph key).
    public var neighbourName: (String) -> String?
    public var width: Int

    public init(sources: MonographSourceList, width: Int = 100,
                termName: @escaping (TermID) -> String? = { _ in nil },
                neighbourName: @escaping (String) -> String? = { _ in nil }) {
        self.sources = sources
        self.width = width
        self.termName = termName
        self.neighbourName = neighbourName
    }

    public func render(_ m: Monograph, file: String? = nil) -> String {
        var out: [String] = []
        var cited: [String] = []
        func cite(_ keys: [String]) -> String {
            for k in keys where !cited.contains(k) { cited.append(k) }
            return "[" + keys.joined(separator: ", ") + "]"
        }
        func item<V>(_ fact: Sourced<V>, _ text: String) {
            let mark = fact.unconfirmed ? "UNCONFIRMED: " : ""
            out += wrap(mark + text + " " + cite(fact.sources), width: width, first: "  - ", rest: "    ")
            if let note = fact.note {
                out += wrap((fact.unconfirmed ? "Unconfirmed: " : "Note: ") + note, width: width, first: "    ", rest: "      ")
            }
        }
        func section<V>(_ title: String, _ facts: [Sourced<V>], _ text: (V) -> String) {
            guard !facts.isEmpty else { return }
            out.append("")
            out.append(title)
            for f in facts { item(f, text(f.value)) }
        }
        func term(_ id: TermID?) -> String {
            guard let id else { return "" }
            return termName(id).map { " - \(id) \($0)" } ?? " - \(id)"
        }

        out.append(m.name.value)
        let ids = m.identifiers.map(\.value.description)
        if !ids.isEmpty {
            out.append(ids.joined(separator: " | "))
        } else if let title = m.alternativeTitleOf {
            out.append("No id of its own: an alternative title of \(title.value)")
        }
        out += wrap("Curated monograph" + (file.map { " (\($0))" } ?? "")
                    + ". Source keys in brackets are listed under Sources; UNCONFIRMED marks facts not checked against a primary source.",
                    width: width, first: "", rest: "")

        section("Name", [m.name]) { $0 }
        section("Also known as", m.alternativeNames) { $0 }
        section("Identifiers", m.identifiers) { $0.description }
        section("Alternative title of", m.alternativeTitleOf.map { [$0] } ?? []) { id in
            id.description + (neighbourName(id.description).map { " (\($0))" } ?? "")
        }
        section("Description", m.description) { $0 }
        section("Treatment", m.treatment) { $0 }
        section("Safety", m.safety) { $0 }
        section("Management", m.management) { $0 }
        section("Gene and locus", m.gene.map { [$0] } ?? []) { g in
            ([g.symbol] + [g.locus, g.omimGene.map { "OMIM gene \($0.local)" }].compactMap { $0 }).joined(separator: ", ")
        }
        section("Cause", m.cause) { $0 }
        section("Parent of origin", m.parentOfOrigin.map { [$0] } ?? []) { p in
            switch p {
            case .paternal: "paternal"
            case .maternal: "maternal"
            case .notApplicable: "not applicable"
            }
        }
        section("Inheritance", m.inheritance) { $0.text + term($0.hpo) }
        section("Hormone resistance", m.hormoneResistance.map { [$0] } ?? []) { $0 }
        section("AHO features", m.ahoFeatures.map { [$0] } ?? []) { $0 }
        section("Heterotopic ossification", m.heterotopicOssification.map { [$0] } ?? []) { $0 }
        section("Main clinical features", m.clinicalFeatures) { $0.label + ($0.hpo == nil ? " - no HPO term" : term($0.hpo)) }
        section("Main biochemical alterations", m.biochemistry) { "\($0.analyte): \($0.finding)" + term($0.hpo) }
        section("Told apart from its neighbours", m.differentials) { d in
            let name = neighbourName(d.neighbour).map { "\($0) (\(d.neighbour))" } ?? d.neighbour
            return "vs \(name): \(d.point)"
        }
        section("Diagnostic criteria", m.diagnosticCriteria) { $0 }
        section("Classification", m.classifications) { "\($0.scheme): \($0.value)" }
        section("Natural history", m.naturalHistory) { $0 }
        section("Prevalence", m.prevalence.map { [$0] } ?? []) { $0 }
        section("Assessment", m.assessment) { $0 }
        section("References", m.references) { r in r.citation + (r.pmid.map { " PMID \($0)." } ?? "") }

        out.append("")
        out.append("Sources")
        for key in cited.sorted(by: Self.sourceOrder) {
            guard let s = sources[key] else {
                out.append("  \(key)  (not in sources.json)")
                continue
            }
            let pmids = s.pmids.isEmpty ? "" : " PMID " + s.pmids.joined(separator: ", ") + "."
            let label = "  " + key + String(repeating: " ", count: max(1, 5 - key.count))
            out += wrap(s.citation + pmids, width: width, first: label, rest: String(repeating: " ", count: label.count))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// S2 before S10: by the number after the letters, then by the key.
    static func sourceOrder(_ a: String, _ b: String) -> Bool {
        let na = Int(a.drop { !$0.isNumber }), nb = Int(b.drop { !$0.isNumber })
        if let na, let nb, na != nb { return na < nb }
        return a < b
    }
}
