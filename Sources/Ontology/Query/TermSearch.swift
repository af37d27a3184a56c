/// Ranked search over term labels and synonyms: case, hyphen and word-order insensitive, every
/// query word matching the start of a word of the label or synonym.
public struct TermSearch: Sendable {
    public struct Hit: Sendable, Equatable {
        public var term: Int32
        /// The label or synonym that matched.
        public var matched: String
        public var isSynonym: Bool
        public var score: Double
    }

    struct Entry: Sendable {
        let term: Int32
        let text: String
        let words: [String]
        let isSynonym: Bool
    }

    let entries: [Entry]

    public init(_ kb: KnowledgeBase) {
        var entries: [Entry] = []
        entries.reserveCapacity(kb.terms.count * 2)
        for (i, t) in kb.terms.enumerated() where !t.isObsolete {
            entries.append(Entry(term: Int32(i), text: t.name, words: Self.words(t.name), isSynonym: false))
            for s in t.synonyms {
                entries.append(Entry(term: Int32(i), text: s.text, words: Self.words(s.text), isSynonym: true))
            }
        }
        self.entries = entries
    }

    /// Lower-cased words, split on anything that is not a letter or a digit.
    public static func words(_ s: String) -> [String] {
        s.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    public func search(_ query: String, limit: Int = 10) -> [Hit] {
        let q = Self.words(query)
        guard !q.isEmpty else { return [] }
        let joined = q.joined(separator: " ")
        var best: [Int32: Hit] = [:]
        for e in entries {
            var all = true
            var exactWords = 0
            for w in q {
                var ok = false
                for ew in e.words where ew.hasPrefix(w) {
                    ok = true
                    if ew == w { exactWords += 1 }
                    break
                }
                if !ok { all = false; break }
            }
            guard all else { continue }
            let text = e.words.joined(separator: " ")
            var score = 0.0
            if text == joined { score += 100 } else if text.hasPrefix(joined) { score += 50 }
            score += Double(exactWords) * 5
            score -= Double(e.words.count - q.count) * 2   // fewer extra words: closer match
            if e.isSynonym { score -= 3 }
            if best[e.term].map({ $0.score < score }) ?? true {
                best[e.term] = Hit(term: e.term, matched: e.text, isSynonym: e.isSynonym, score: score)
            }
        }
        return best.values.sorted { ($0.score, -$0.term) > ($1.score, -$1.term) }.prefix(limit).map { $0 }
    }
}
