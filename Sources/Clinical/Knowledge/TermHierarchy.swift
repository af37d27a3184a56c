public import Ontology

/// Is-a relations between ontology terms, so that a descendant of a criterion's term counts for it
/// (mild intellectual disability HP:0001256 is a cognitive impairment HP:0100543). The edge builds it
/// from the HPO release; without one, only the exact terms count.
public struct TermHierarchy: Sendable {
    private let relation: @Sendable (TermID, TermID) -> Bool

    /// `isA(term, ancestor)`: true when `ancestor` is a proper or improper ancestor of `term`.
    public init(isA: @escaping @Sendable (_ term: TermID, _ ancestor: TermID) -> Bool) {
        relation = isA
    }

    /// A small hierarchy from parent lists (for tests and hand-made ontologies).
    public init(parents: [TermID: [TermID]]) {
        self.init { term, ancestor in
            var stack = [term], seen: Set<TermID> = []
            while let t = stack.popLast() {
                if t == ancestor { return true }
                guard seen.insert(t).inserted else { continue }
                stack += parents[t] ?? []
            }
            return false
        }
    }

    /// Only identical terms match.
    public static let exact = TermHierarchy { $0 == $1 }

    public func isA(_ term: TermID, _ ancestor: TermID) -> Bool {
        term == ancestor || relation(term, ancestor)
    }
}

extension TermHierarchy {
    /// Is-a over an HPO release; alt ids resolve to their primary term.
    public init(_ kb: KnowledgeBase) {
        self.init { term, ancestor in
            guard let t = kb.termIndex[term] ?? kb.altIndex[term],
                  let a = kb.termIndex[ancestor] ?? kb.altIndex[ancestor] else { return false }
            return kb.isAncestor(a, of: t)
        }
    }
}
