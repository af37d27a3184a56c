public import Ontology

/// Modes of inheritance of the HPO Mode of inheritance branch that the genotype evidence uses.
public enum InheritanceMode: String, Sendable, Codable, CaseIterable {
    case autosomalDominant, autosomalRecessive, xLinked, semidominant, mitochondrial, somatic

    static let roots: [(TermID, InheritanceMode)] = [
        (.hpo(6), .autosomalDominant), (.hpo(7), .autosomalRecessive), (.hpo(1417), .xLinked),
        (.hpo(32113), .semidominant), (.hpo(1427), .mitochondrial), (.hpo(1428), .somatic), (.hpo(1442), .somatic),
    ]

    /// The modes a term belongs to (itself or an ancestor is one of the roots).
    public static func of(_ term: Int32, in kb: KnowledgeBase) -> [InheritanceMode] {
        roots.compactMap { root, mode in
            guard let r = kb.index(of: root), kb.isAncestor(r, of: term) else { return nil }
            return mode
        }
    }

    /// Whether a genotype with this many affected alleles (or a hemizygous one) fits the mode.
    public func fits(alleles: Int, hemizygous: Bool) -> Bool {
        if hemizygous { return self == .xLinked }
        switch self {
        case .autosomalRecessive: return alleles >= 2
        case .autosomalDominant, .somatic, .mitochondrial: return alleles == 1
        case .xLinked, .semidominant: return true
        }
    }
}
