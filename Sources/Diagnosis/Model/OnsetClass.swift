public import Ontology
public import Clinical

/// Age-of-onset classes of the HPO Onset branch (HP:0003674), in order, with the age ranges of their
/// HPO definitions.
public enum OnsetClass: Int, Sendable, Codable, CaseIterable, Comparable {
    case antenatal, congenital, neonatal, infantile, childhood, juvenile, adult

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// The HPO term of each class and the descendants that map to it.
    static let terms: [(TermID, OnsetClass)] = [
        (.hpo(30674), .antenatal), (.hpo(11460), .antenatal), (.hpo(11461), .antenatal),
        (.hpo(34199), .antenatal), (.hpo(34197), .antenatal), (.hpo(34198), .antenatal),
        (.hpo(3577), .congenital), (.hpo(3623), .neonatal), (.hpo(3593), .infantile),
        (.hpo(11463), .childhood), (.hpo(410280), .childhood), (.hpo(3621), .juvenile),
        (.hpo(3581), .adult), (.hpo(11462), .adult), (.hpo(3596), .adult), (.hpo(3584), .adult),
        (.hpo(25708), .adult), (.hpo(25709), .adult), (.hpo(25710), .adult),
    ]

    /// The class of an HPO onset term, walking up to the nearest classified ancestor.
    public static func of(_ term: TermID, in kb: KnowledgeBase) -> OnsetClass? {
        let table = Dictionary(terms, uniquingKeysWith: { a, _ in a })
        if let c = table[term] { return c }
        guard let i = kb.index(of: term) else { return nil }
        var best: OnsetClass?
        var bestDepth = -1
        for a in kb.ancestors[Int(i)] {
            guard let c = table[kb.term(at: a).id] else { continue }
            let depth = kb.ancestors[Int(a)].count
            if depth > bestDepth { best = c; bestDepth = depth }
        }
        return best
    }

    /// The class of an age at onset (HPO definitions: neonatal to 28 days, infantile to 1 year,
    /// childhood to 5 years, juvenile to 16 years, adult from 16 years).
    public static func of(_ age: Age) -> OnsetClass {
        let days = age.totalDays
        if days <= 0 { return .congenital }
        if days <= 28 { return .neonatal }
        if days < 365.25 { return .infantile }
        if days < 5 * 365.25 { return .childhood }
        if days < 16 * 365.25 { return .juvenile }
        return .adult
    }

    public static func of(_ onset: Onset, in kb: KnowledgeBase) -> OnsetClass? {
        switch onset {
        case .age(let a): of(a)
        case .term(let t): of(t, in: kb)
        }
    }
}
