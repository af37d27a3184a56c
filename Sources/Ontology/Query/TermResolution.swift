/// What an id given by a user turns out to be.
public enum TermResolution: Sendable, Equatable {
    /// A current term.
    case current(Int32)
    /// An alternative id of a current term.
    case alternate(Int32, given: TermID)
    /// An obsolete term with its replacement (when the ontology names one) and the terms to consider.
    case obsolete(given: TermID, replacement: Int32?, consider: [Int32])
    /// Not a term of this release.
    case unknown(TermID)

    /// The current term to use, if there is exactly one.
    public var index: Int32? {
        switch self {
        case .current(let i), .alternate(let i, _): i
        case .obsolete(_, let r, _): r
        case .unknown: nil
        }
    }
}

extension KnowledgeBase {
    /// Resolves a term id: current ids as they are, alt ids and obsolete ids to the current term.
    public func resolve(_ id: TermID) -> TermResolution {
        if let i = termIndex[id] {
            let t = terms[Int(i)]
            guard t.isObsolete else { return .current(i) }
            let replacement = t.replacedBy.flatMap { termIndex[$0] ?? altIndex[$0] }
            return .obsolete(given: id, replacement: replacement, consider: t.consider.compactMap { termIndex[$0] })
        }
        if let i = altIndex[id] { return .alternate(i, given: id) }
        return .unknown(id)
    }

    /// A human sentence on how an id was resolved (nil for a current id).
    public func resolutionNote(_ r: TermResolution) -> String? {
        switch r {
        case .current: return nil
        case .alternate(let i, let given):
            return "\(given) is an alternative id of \(terms[Int(i)].id) (\(terms[Int(i)].name))"
        case .obsolete(let given, let replacement, let consider):
            if let replacement {
                return "\(given) is obsolete; replaced by \(terms[Int(replacement)].id) (\(terms[Int(replacement)].name))"
            }
            let c = consider.map { terms[Int($0)].id.description }
            return "\(given) is obsolete with no replacement" + (c.isEmpty ? "" : "; consider \(c.joined(separator: ", "))")
        case .unknown(let id):
            return "\(id) is not a term of HPO \(release.hpoVersion)"
        }
    }

    /// Ids of this release closest to an unknown one: same digits with one edit, for typos.
    public func closeIDs(to id: TermID, limit: Int = 5) -> [TermID] {
        let digits = Array(id.local)
        guard id.prefix.uppercased() == "HP" || id.prefix.uppercased() == "HPO" else { return [] }
        var found: [TermID] = []
        for t in terms where !t.isObsolete {
            let other = Array(t.id.local)
            if other.count == digits.count {
                var diff = 0
                for k in 0..<other.count where other[k] != digits[k] { diff += 1; if diff > 1 { break } }
                if diff == 1 { found.append(t.id) }
            }
            if found.count >= limit { break }
        }
        return found
    }

    /// Whether a term lies under a given root (is the root or a descendant of it).
    public func isUnder(_ index: Int32, _ root: TermID) -> Bool {
        guard let r = termIndex[root] else { return false }
        return isAncestor(r, of: index)
    }

    /// All descendants of a term, including itself.
    public func descendants(of index: Int32) -> [Int32] {
        var seen = Set<Int32>([index])
        var stack = [index]
        while let t = stack.popLast() {
            for c in children[Int(t)] where seen.insert(c).inserted { stack.append(c) }
        }
        return seen.sorted()
    }
}
