/// Finds diseases of the knowledge base by id (any letter case of the prefix, `ORPHANET:` and
/// `MIM:` spellings) and suggests close matches by name or id for a query that finds none.
public struct DiseaseLookup: Sendable {
    public let kb: KnowledgeBase

    public init(_ kb: KnowledgeBase) {
        self.kb = kb
    }

    /// The canonical form of a disease id as the annotations spell it: `omim:166350` -> `OMIM:166350`.
    public static func canonicalID(_ text: String) -> TermID? {
        guard let id = TermID(text.trimmedForDiseaseLookup) else { return nil }
        var prefix = id.prefix.uppercased()
        switch prefix {
        case "ORPHANET": prefix = "ORPHA"
        case "MIM": prefix = "OMIM"
        default: break
        }
        return TermID(prefix: prefix, local: id.local)
    }

    /// The index of a disease given by id.
    public func index(of text: String) -> Int32? {
        canonicalID(text).flatMap { kb.diseaseIndex[$0] }
    }

    private func canonicalID(_ text: String) -> TermID? { Self.canonicalID(text) }

    /// Up to `limit` diseases whose names best match the query's words (every word a prefix of a
    /// name word scores highest), or, for an id-shaped query, whose ids differ in one or two characters.
    public func closeMatches(_ query: String, limit: Int = 5) -> [Disease] {
        if let id = canonicalID(query) {
            let target = Array(id.local)
            var scored: [(Int, Disease)] = []
            for d in kb.diseases where d.id.prefix == id.prefix {
                let dist = Self.editDistance(target, Array(d.id.local), limit: 2)
                if dist <= 2 { scored.append((dist, d)) }
            }
            return scored.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.id < $1.1.id }.prefix(limit).map(\.1)
        }
        let words = Self.words(query)
        guard !words.isEmpty else { return [] }
        var scored: [(Double, Disease)] = []
        for d in kb.diseases {
            let nameWords = Self.words(d.name)
            var hits = 0.0
            for w in words {
                if nameWords.contains(w) { hits += 1 } else if nameWords.contains(where: { $0.hasPrefix(w) }) { hits += 0.8 }
            }
            guard hits > 0 else { continue }
            // Reward covering the query, then short names (fewer unmatched words).
            let score = hits / Double(words.count) - 0.01 * Double(nameWords.count)
            scored.append((score, d))
        }
        return scored.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1.id < $1.1.id }.prefix(limit).map(\.1)
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            if current.min() ?? 0 > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }
}

extension String {
    var trimmedForDiseaseLookup: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<max(start, end)]
    }
}
