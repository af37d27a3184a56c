/// The result of reading an OBO file: its header's data version and its terms, in file order.
public struct OBODocument: Sendable {
    public var dataVersion: String?
    public var terms: [Term]
}

/// A parser for the OBO 1.2/1.4 flat file format as the HPO release uses it: `[Term]` stanzas with
/// id, name, def, comment, synonym (with scope and type), is_a, alt_id, is_obsolete, replaced_by,
/// consider, xref and subset. Other stanzas (`[Typedef]`) and other tags are skipped.
public enum OBOParser {
    public static func parse(_ bytes: [UInt8], file: String) throws(DataFileError) -> OBODocument {
        var doc = OBODocument(dataVersion: nil, terms: [])
        doc.terms.reserveCapacity(20_000)
        var current: Term?
        var currentLine = 0
        var inTerm = false
        var inHeader = true
        var seen = Set<TermID>()

        func fail(_ line: Int, _ field: String?, _ reason: String) -> DataFileError {
            DataFileError(file: file, line: line, field: field, reason: reason)
        }
        func finish() throws(DataFileError) {
            guard let term = current else {
                if inTerm { throw fail(currentLine, "id", "a [Term] stanza has no id") }
                return
            }
            if term.name.isEmpty { throw fail(currentLine, "name", "term \(term.id) has no name") }
            doc.terms.append(term)
            current = nil
        }

        for line in TextLines(bytes: bytes) {
            let r = line.range
            if r.isEmpty { continue }
            let first = bytes[r.lowerBound]
            if first == UInt8(ascii: "!") { continue }
            if first == UInt8(ascii: "[") {
                try finish()
                inHeader = false
                let header = bytes.string(r).trimmed
                guard header.hasSuffix("]") else { throw fail(line.number, nil, "a stanza header must end with ']'") }
                inTerm = header == "[Term]"
                currentLine = line.number
                continue
            }
            guard let colon = bytes[r].firstIndex(of: UInt8(ascii: ":")) else {
                throw fail(line.number, nil, "expected 'tag: value'")
            }
            let tag = bytes.string(r.lowerBound..<colon)
            var value = bytes.string((colon + 1)..<r.upperBound).trimmed
            if inHeader {
                if tag == "data-version" { doc.dataVersion = value }
                continue
            }
            guard inTerm else { continue }
            if tag != "def" && tag != "synonym" && tag != "comment" && tag != "name" {
                value = stripTrailingComment(value)
            }
            if tag == "id" {
                guard current == nil else { throw fail(line.number, "id", "a stanza has a second id") }
                guard let id = TermID(value) else { throw fail(line.number, "id", "'\(value)' is not an id of the form PREFIX:NUMBER") }
                guard seen.insert(id).inserted else { throw fail(line.number, "id", "\(id) is defined twice") }
                current = Term(id: id)
                continue
            }
            guard current != nil else { throw fail(line.number, tag, "'\(tag)' comes before the stanza's id") }
            switch tag {
            case "name": current?.name = value
            case "def":
                guard let (text, _) = quoted(value) else { throw fail(line.number, "def", "a definition must be a quoted string") }
                current?.definition = text
            case "comment": current?.comment = value
            case "synonym":
                guard let (text, rest) = quoted(value) else { throw fail(line.number, "synonym", "a synonym must start with a quoted string") }
                let words = rest.split(separator: " ", omittingEmptySubsequences: true)
                guard let scopeWord = words.first, let scope = SynonymScope(rawValue: String(scopeWord)) else {
                    throw fail(line.number, "synonym", "the scope must be EXACT, BROAD, NARROW or RELATED")
                }
                let type = words.count > 1 && !words[1].hasPrefix("[") ? String(words[1]) : nil
                current?.synonyms.append(Synonym(text: text, scope: scope, type: type))
            case "is_a":
                guard let id = TermID(firstWord(value)) else { throw fail(line.number, "is_a", "'\(value)' is not a term id") }
                current?.parents.append(id)
            case "alt_id":
                guard let id = TermID(firstWord(value)) else { throw fail(line.number, "alt_id", "'\(value)' is not a term id") }
                current?.altIDs.append(id)
            case "is_obsolete":
                guard value == "true" || value == "false" else { throw fail(line.number, "is_obsolete", "must be true or false") }
                current?.isObsolete = value == "true"
            case "replaced_by":
                guard let id = TermID(firstWord(value)) else { throw fail(line.number, "replaced_by", "'\(value)' is not a term id") }
                current?.replacedBy = id
            case "consider":
                guard let id = TermID(firstWord(value)) else { throw fail(line.number, "consider", "'\(value)' is not a term id") }
                current?.consider.append(id)
            case "xref": current?.xrefs.append(firstWord(value))
            case "subset": current?.subsets.append(value)
            default: break
            }
        }
        try finish()
        return doc
    }

    /// A quoted OBO string with `\"` escapes, and what follows it.
    static func quoted(_ s: String) -> (String, Substring)? {
        guard s.first == "\"" else { return nil }
        var text = ""
        var escaped = false
        var index = s.index(after: s.startIndex)
        while index < s.endIndex {
            let ch = s[index]
            if escaped {
                text.append(ch == "n" ? "\n" : ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == "\"" {
                return (text, s[s.index(after: index)...].drop(while: { $0 == " " }))
            } else {
                text.append(ch)
            }
            index = s.index(after: index)
        }
        return nil
    }

    static func stripTrailingComment(_ s: String) -> String {
        let chars = Array(s.utf8)
        guard chars.count >= 3 else { return s }
        for i in 0...(chars.count - 3) where chars[i] == 0x20 && chars[i + 1] == 0x21 && chars[i + 2] == 0x20 {
            return String(decoding: chars[..<i], as: UTF8.self).trimmed
        }
        return s
    }

    static func firstWord(_ s: String) -> String {
        String(s.prefix { $0 != " " && $0 != "{" })
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
