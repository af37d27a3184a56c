/// How amino acids are written.
public enum AminoAcidStyle: String, Sendable, Codable {
    /// `p.Arg201Cys`, `p.Arg201GlyfsTer5`: the HGVS recommendation and the canonical form.
    case threeLetter
    /// `p.R201C`, `p.R201Gfs*5`.
    case oneLetter
}

extension HGVSVariant: CustomStringConvertible {
    /// The canonical HGVS string (three-letter amino acids).
    public var description: String { description(style: .threeLetter) }

    public func description(style: AminoAcidStyle) -> String {
        var s = ""
        if let reference {
            s += reference
            if let gene { s += "(\(gene))" }
            s += ":"
        }
        switch change {
        case .nucleotide(let type, let n):
            s += type.rawValue + "." + n.description
            if let protein { s += " (p." + protein.body(style: style) + ")" }
        case .protein(let p):
            s += "p." + p.body(style: style)
        }
        return s
    }
}

extension NucleotidePosition: CustomStringConvertible {
    public var description: String {
        var s = region == .upstream ? "-" : region == .downstream ? "*" : ""
        s += String(base)
        if offset > 0 { s += "+\(offset)" } else if offset < 0 { s += String(offset) }
        return s
    }
}

extension PositionSpec: CustomStringConvertible {
    public var description: String {
        switch self {
        case .exact(let p): p.description
        case .uncertain(let a, let b): "(\(a?.description ?? "?")_\(b?.description ?? "?"))"
        }
    }
}

extension NucleotideChange: CustomStringConvertible {
    public var description: String {
        var s = start.description
        if let end { s += "_" + end.description }
        switch edit {
        case .substitution(let r, let a): s += "\(r)>\(a)"
        case .deletion: s += "del"
        case .duplication: s += "dup"
        case .insertion(let seq): s += "ins" + seq
        case .deletionInsertion(let seq): s += "delins" + seq
        case .inversion: s += "inv"
        case .unchanged: s += "="
        }
        return s
    }
}

extension ProteinChange {
    /// The part after `p.`.
    func body(style: AminoAcidStyle) -> String {
        let inner: String
        switch kind {
        case .unknown: return "?"
        case .noProtein: return predicted ? "0?" : "0"
        case .unchanged: inner = "="
        case .edit(let e): inner = e.description(style: style)
        }
        return predicted ? "(\(inner))" : inner
    }

    public func description(style: AminoAcidStyle = .threeLetter) -> String { "p." + body(style: style) }
}

extension ProteinEdit {
    public func description(style: AminoAcidStyle) -> String {
        func aa(_ a: AminoAcid) -> String { style == .threeLetter ? a.threeLetter : String(a.oneLetter) }
        func res(_ r: ResiduePosition) -> String { aa(r.aminoAcid) + String(r.number) }
        func range(_ a: ResiduePosition, _ b: ResiduePosition?) -> String { res(a) + (b.map { "_" + res($0) } ?? "") }
        func stop(_ s: NewStop) -> String {
            aa(.ter) + { if case .at(let n) = s { String(n) } else { "?" } }()
        }
        switch self {
        case .substitution(let r, let alt): return res(r) + aa(alt)
        case .synonymous(let r): return res(r) + "="
        case .unknownEffect(let r): return res(r) + "?"
        case .deletion(let a, let b): return range(a, b) + "del"
        case .duplication(let a, let b): return range(a, b) + "dup"
        case .insertion(let a, let b, let seq): return range(a, b) + "ins" + seq.map(aa).joined()
        case .deletionInsertion(let a, let b, let seq): return range(a, b) + "delins" + seq.map(aa).joined()
        case .frameshift(let r, let alt, let s): return res(r) + (alt.map(aa) ?? "") + "fs" + (s.map(stop) ?? "")
        case .stopExtension(let r, let alt, let s): return res(r) + aa(alt) + "ext" + stop(s)
        case .startExtension(let r, let n): return res(r) + "ext-\(n)"
        }
    }
}
