extension HGVSVariant {
    /// Parses an HGVS expression: `[REFERENCE[(GENE)]:]TYPE.CHANGE[ (p.CHANGE)]`.
    public init(parsing text: String) throws(HGVSError) {
        var parser = HGVSParser(text)
        self = try parser.parseVariant()
    }
}

/// A hand-written recursive-descent parser over the characters of one expression.
struct HGVSParser {
    private let chars: [Character]
    private var i = 0

    init(_ text: String) { chars = Array(text) }

    // MARK: Scanning

    private var atEnd: Bool { i >= chars.count }
    private var current: Character? { i < chars.count ? chars[i] : nil }

    private func fail(_ message: String, at offset: Int? = nil) -> HGVSError {
        HGVSError(offset: offset ?? i, message: message)
    }

    private func describeCurrent() -> String {
        guard let c = current else { return "the end" }
        return Self.kind(of: c)
    }

    /// What kind of character this is, without repeating it (the input may be patient data).
    static func kind(of c: Character) -> String {
        if c == " " { return "a space" }
        if c.isLetter { return c.isUppercase ? "a capital letter" : "a small letter" }
        if c.isNumber { return "a digit" }
        return "the symbol '\(c.isASCII ? String(c) : "?")'"
    }

    private mutating func accept(_ literal: String) -> Bool {
        let lit = Array(literal)
        guard i + lit.count <= chars.count, Array(chars[i..<i + lit.count]) == lit else { return false }
        i += lit.count
        return true
    }

    private func peek(_ literal: String) -> Bool {
        let lit = Array(literal)
        return i + lit.count <= chars.count && Array(chars[i..<i + lit.count]) == lit
    }

    private mutating func expect(_ literal: String, _ what: String) throws(HGVSError) {
        guard accept(literal) else { throw fail("expected \(what), found \(describeCurrent())") }
    }

    private mutating func number(_ what: String) throws(HGVSError) -> Int {
        let start = i
        while let c = current, c.isASCII, c.isNumber { i += 1 }
        guard i > start else { throw fail("expected \(what), found \(describeCurrent())") }
        guard i - start <= 9, let n = Int(String(chars[start..<i])) else { throw fail("\(what) is too large", at: start) }
        return n
    }

    // MARK: Variant

    mutating func parseVariant() throws(HGVSError) -> HGVSVariant {
        guard !chars.isEmpty else { throw fail("the expression is empty") }
        var reference: String?
        var gene: String?
        if let colon = chars.firstIndex(of: ":") {
            let ref = try parseReference(upTo: colon)
            reference = ref.0
            gene = ref.1
            i = colon + 1
        }
        let typeOffset = i
        guard let letter = current else { throw fail("expected a coordinate type such as c. or p.") }
        i += 1
        try expect(".", "'.' after the coordinate type")
        let change: HGVSVariant.Change
        switch letter {
        case "c": change = .nucleotide(.coding, try parseNucleotideChange(.coding))
        case "g": change = .nucleotide(.genomic, try parseNucleotideChange(.genomic))
        case "n": change = .nucleotide(.noncoding, try parseNucleotideChange(.noncoding))
        case "m": change = .nucleotide(.mitochondrial, try parseNucleotideChange(.mitochondrial))
        case "p": change = .protein(try parseProteinChange())
        case "r": throw fail("RNA (r.) descriptions are not supported; use c. or n.", at: typeOffset)
        default: throw fail("unknown coordinate type; expected c., g., n., m. or p.", at: typeOffset)
        }
        var protein: ProteinChange?
        if case .nucleotide = change, !atEnd {
            // An optional protein consequence: ` (p.Arg201Cys)` or ` p.(Arg201Cys)`.
            guard current == " " else { throw fail("unexpected \(describeCurrent()) after the change") }
            while current == " " { i += 1 }
            let bracketed = accept("(")
            try expect("p.", "a protein consequence 'p.' after the DNA change")
            protein = try parseProteinChange()
            if bracketed { try expect(")", "')' closing the protein consequence") }
        }
        guard atEnd else { throw fail("unexpected \(describeCurrent()) after the change") }
        return HGVSVariant(reference: reference, gene: gene, change: change, protein: protein)
    }

    /// `NM_000516.7`, `NC_000020.11`, `ENST00000371085.8`, `LRG_1t1`, optionally `(GNAS)`.
    private mutating func parseReference(upTo colon: Int) throws(HGVSError) -> (String, String?) {
        var end = colon
        var gene: String?
        if colon > 0, chars[colon - 1] == ")" {
            guard let open = chars[0..<colon].lastIndex(of: "(") else {
                throw fail("')' without '(' in the reference", at: colon - 1)
            }
            let symbol = chars[(open + 1)..<(colon - 1)]
            guard !symbol.isEmpty else { throw fail("empty gene symbol in brackets", at: open + 1) }
            if let bad = symbol.firstIndex(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")) }) {
                throw fail("\(Self.kind(of: chars[bad])) cannot appear in a gene symbol", at: bad)
            }
            gene = String(symbol)
            end = open
        }
        guard end > 0 else { throw fail("the reference sequence before ':' is empty", at: 0) }
        let ref = chars[0..<end]
        if let bad = ref.firstIndex(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".")) }) {
            throw fail("\(Self.kind(of: chars[bad])) cannot appear in a reference sequence id", at: bad)
        }
        guard ref.first?.isLetter == true else { throw fail("a reference sequence id starts with a letter, as in NM_000516.7", at: 0) }
        if let dot = ref.firstIndex(of: ".") {
            let version = ref[(dot + 1)...]
            guard !version.isEmpty, version.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw fail("the version after '.' in the reference must be a number, as in NM_000516.7", at: dot + 1)
            }
        }
        return (String(ref), gene)
    }

    // MARK: Nucleotide changes

    /// An offset at most this many bases past its own base number reads as a range typo (c.565-568).
    static let rangeTypoSpan = 20

    private mutating func parseNucleotideChange(_ type: HGVSVariant.SequenceType) throws(HGVSError) -> NucleotideChange {
        let startOffset = i
        let start = try parsePositionSpec(type)
        var end: PositionSpec?
        if accept("_") { end = try parsePositionSpec(type) }
        // c.565-568del: an intronic offset just past its own base is a range typed with '-' for '_'.
        if end == nil, type == .coding, let s = start.exact, s.region == .main, s.offset < 0,
           -s.offset > s.base, -s.offset - s.base <= Self.rangeTypoSpan {
            let dash = chars[startOffset..<i].firstIndex(of: "-") ?? startOffset
            throw fail("'-' here makes an intronic offset of \(-s.offset) bases before c.\(s.base), which reads as a mistyped range; a range is written with '_', as in c.\(s.base)_\(-s.offset)del", at: dash)
        }
        if let s = start.exact, let e = end?.exact, let order = Self.compare(s, e), order >= 0 {
            throw fail("the range must go from the lower to the higher position", at: startOffset)
        }
        let editOffset = i
        let edit: NucleotideEdit
        if let c = current, Self.isBase(c), i + 1 < chars.count, chars[i + 1] == ">" {
            guard end == nil else { throw fail("a substitution changes one nucleotide; a range needs delins") }
            let ref = String(c)
            i += 2
            guard let a = current, Self.isBase(a) else {
                throw fail("expected one nucleotide (A, C, G or T) after '>', found \(describeCurrent())")
            }
            i += 1
            if let extra = current, Self.isBase(extra) {
                throw fail("a substitution replaces one nucleotide with one; use delins for more", at: i)
            }
            guard ref != String(a) else { throw fail("the new nucleotide is the same as the reference; write '='", at: i - 1) }
            edit = .substitution(reference: ref, alternate: String(a))
        } else if accept("delins") {
            edit = .deletionInsertion(try sequence("the inserted nucleotides after 'delins'"))
        } else if accept("del") {
            let seqOffset = i
            let seq = try optionalSequence()
            if let seq, let length = Self.lengthOf(start, end), seq.count != length {
                throw fail("\(seq.count) deleted nucleotides written for a range of \(length)", at: seqOffset)
            }
            if peek("ins") { throw fail("write 'delins' followed by the inserted nucleotides, without the deleted ones", at: seqOffset) }
            edit = .deletion
        } else if accept("dup") {
            let seqOffset = i
            let seq = try optionalSequence()
            if let seq, let length = Self.lengthOf(start, end), seq.count != length {
                throw fail("\(seq.count) duplicated nucleotides written for a range of \(length)", at: seqOffset)
            }
            edit = .duplication
        } else if accept("ins") {
            guard let end else { throw fail("an insertion needs the two flanking positions, as in c.123_124insA", at: editOffset) }
            if let s = start.exact, let e = end.exact, !Self.adjacent(s, e) {
                throw fail("an insertion lies between two adjacent positions", at: startOffset)
            }
            edit = .insertion(try sequence("the inserted nucleotides after 'ins'"))
        } else if accept("inv") {
            guard end != nil else { throw fail("an inversion needs a range of at least two nucleotides", at: editOffset) }
            edit = .inversion
        } else if accept("=") {
            edit = .unchanged
        } else if let c = current, c == "X" || c == "x" {
            throw fail("unknown edit; expected >, del, dup, ins, delins, inv or =")
        } else if let c = current, "acgtu".contains(c) {
            throw fail("nucleotides are written in capitals (A, C, G, T)")
        } else {
            throw fail("expected an edit (>, del, dup, ins, delins, inv or =), found \(describeCurrent())")
        }
        return NucleotideChange(start: start, end: end, edit: edit)
    }

    private static func isBase(_ c: Character) -> Bool { c == "A" || c == "C" || c == "G" || c == "T" || c == "N" }

    private mutating func sequence(_ what: String) throws(HGVSError) -> String {
        guard let seq = try optionalSequence() else {
            if let c = current, "acgtu".contains(c) { throw fail("nucleotides are written in capitals (A, C, G, T)") }
            throw fail("expected \(what), found \(describeCurrent())")
        }
        return seq
    }

    private mutating func optionalSequence() throws(HGVSError) -> String? {
        let start = i
        while let c = current, Self.isBase(c) { i += 1 }
        if let c = current, c.isLetter {
            throw fail(c.isLowercase ? "nucleotides are written in capitals (A, C, G, T)" : "not a nucleotide (A, C, G, T or N)")
        }
        return i > start ? String(chars[start..<i]) : nil
    }

    private mutating func parsePositionSpec(_ type: HGVSVariant.SequenceType) throws(HGVSError) -> PositionSpec {
        guard accept("(") else { return .exact(try parsePosition(type)) }
        let low: NucleotidePosition? = accept("?") ? nil : try parsePosition(type)
        try expect("_", "'_' inside an uncertain position such as (?_-30)")
        let high: NucleotidePosition? = accept("?") ? nil : try parsePosition(type)
        try expect(")", "')' closing the uncertain position")
        if low == nil, high == nil { throw fail("an uncertain position needs at least one known bound", at: i - 1) }
        return .uncertain(low, high)
    }

    private mutating func parsePosition(_ type: HGVSVariant.SequenceType) throws(HGVSError) -> NucleotidePosition {
        let start = i
        var region = NucleotidePosition.Region.main
        if accept("-") { region = .upstream } else if accept("*") { region = .downstream }
        if region != .main, type != .coding, !(type == .noncoding && region == .upstream) {
            throw fail("positions before (-) or after (*) the coding sequence exist only in c. numbering", at: start)
        }
        let base = try number("a position number")
        if base == 0 { throw fail("there is no position 0 in HGVS numbering", at: i - 1) }
        var offset = 0
        if let sign = current, sign == "+" || sign == "-", i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isNumber {
            guard type == .coding || type == .noncoding else {
                throw fail("intronic offsets exist only in c. and n. numbering")
            }
            i += 1
            let n = try number("an intronic offset")
            if n == 0 { throw fail("an intronic offset cannot be 0", at: i - 1) }
            offset = sign == "+" ? n : -n
        }
        return NucleotidePosition(base, region: region, offset: offset)
    }

    /// Order of two exact positions, when comparable without the transcript: negative if a < b.
    static func compare(_ a: NucleotidePosition, _ b: NucleotidePosition) -> Int? {
        func rank(_ r: NucleotidePosition.Region) -> Int { r == .upstream ? 0 : r == .main ? 1 : 2 }
        if a.region != b.region { return rank(a.region) - rank(b.region) }
        let baseOrder = a.region == .upstream ? b.base - a.base : a.base - b.base
        if baseOrder != 0 {
            // c.100+5 and c.101-5 are both in one intron, ordered by base.
            return baseOrder
        }
        return a.offset - b.offset
    }

    static func adjacent(_ a: NucleotidePosition, _ b: NucleotidePosition) -> Bool {
        if a.region == b.region, a.base == b.base { return b.offset - a.offset == 1 }
        if a.offset != 0 || b.offset != 0 {
            // c.100+1_101-1 would need the intron length; accept the exon-intron junctions.
            return (a.offset == 0 && b.offset == 1 && a.base == b.base) || (a.offset == -1 && b.offset == 0 && a.base == b.base)
        }
        switch (a.region, b.region) {
        case (.main, .main), (.downstream, .downstream): return b.base - a.base == 1
        case (.upstream, .upstream): return a.base - b.base == 1
        case (.upstream, .main): return a.base == 1 && b.base == 1
        case (.main, .downstream): return b.base == 1
        default: return false
        }
    }

    static func lengthOf(_ start: PositionSpec, _ end: PositionSpec?) -> Int? {
        NucleotideChange(start: start, end: end, edit: .inversion).length
    }

    // MARK: Protein changes

    private enum Style { case one, three }
    private var style: Style?

    private mutating func parseProteinChange() throws(HGVSError) -> ProteinChange {
        style = nil
        if accept("?") { return ProteinChange(kind: .unknown) }
        if accept("0?") { return ProteinChange(predicted: true, kind: .noProtein) }
        if accept("0") { return ProteinChange(kind: .noProtein) }
        if accept("=") { return ProteinChange(kind: .unchanged) }
        if accept("(") {
            let kind: ProteinChange.Kind
            if accept("=") { kind = .unchanged } else if accept("?") { kind = .unknown } else if accept("0") { kind = .noProtein } else {
                kind = .edit(try parseProteinEdit())
            }
            try expect(")", "')' closing the predicted protein change")
            return ProteinChange(predicted: true, kind: kind)
        }
        return ProteinChange(kind: .edit(try parseProteinEdit()))
    }

    private mutating func aminoAcid(_ what: String) throws(HGVSError) -> AminoAcid {
        let start = i
        guard let c = current else { throw fail("expected \(what), found the end") }
        if c == "*" { i += 1; return .ter }
        if c == "X" || c == "x" { throw fail("write a stop codon as Ter or *, not X") }
        if i + 3 <= chars.count, c.isUppercase, chars[i + 1].isLowercase, chars[i + 2].isLowercase {
            let code = String(chars[i..<i + 3])
            if let aa = AminoAcid(threeLetter: code) {
                if style == .one { throw fail("mixes one- and three-letter amino-acid codes") }
                style = .three
                i += 3
                return aa
            }
            // A one-letter code followed by an edit word ("Cfs", "Kdel") is fine; anything else is a bad code.
            let oneLetterThenEdit = AminoAcid(oneLetter: c) != nil && Self.editWords.contains { peekWord($0, at: start + 1) }
            if style == .three || !oneLetterThenEdit {
                throw fail("not a three-letter amino-acid code", at: start)
            }
        }
        guard c.isUppercase, let aa = AminoAcid(oneLetter: c) else {
            throw fail("expected \(what), found \(describeCurrent())")
        }
        if style == .three { throw fail("mixes one- and three-letter amino-acid codes") }
        style = .one
        i += 1
        return aa
    }

    private static let editWords = ["fs", "ext", "del", "dup", "ins"]

    private func peekWord(_ word: String, at offset: Int) -> Bool {
        let w = Array(word)
        return offset + w.count <= chars.count && Array(chars[offset..<offset + w.count]) == w
    }

    private mutating func residue(_ what: String) throws(HGVSError) -> ResiduePosition {
        let aa = try aminoAcid(what)
        let n = try number("the residue number after the amino acid")
        if n == 0 { throw fail("residues are numbered from 1", at: i - 1) }
        return ResiduePosition(aa, n)
    }

    private mutating func aminoAcids(_ what: String) throws(HGVSError) -> [AminoAcid] {
        var list: [AminoAcid] = [try aminoAcid(what)]
        while let c = current, c.isUppercase || c == "*" { list.append(try aminoAcid(what)) }
        return list
    }

    private mutating func newStop() throws(HGVSError) -> NewStop {
        guard accept("Ter") || accept("*") else { throw fail("expected Ter or * giving the new stop codon, found \(describeCurrent())") }
        if accept("?") { return .unknown }
        let n = try number("the position of the new stop codon")
        if n == 0 { throw fail("the new stop codon is counted from 1", at: i - 1) }
        return .at(n)
    }

    private mutating func parseProteinEdit() throws(HGVSError) -> ProteinEdit {
        let first = try residue("an amino acid such as Arg or R")
        var last: ResiduePosition?
        if accept("_") {
            let lastOffset = i
            last = try residue("the amino acid ending the range")
            if let last, last.number <= first.number {
                throw fail("the range must go from the lower to the higher residue", at: lastOffset)
            }
        }
        if accept("delins") { return .deletionInsertion(first, last, try aminoAcids("the inserted amino acids")) }
        if accept("del") { return .deletion(first, last) }
        if accept("dup") { return .duplication(first, last) }
        if accept("ins") {
            guard let last else { throw fail("an insertion needs the two flanking residues, as in Lys76_Gly77insAla") }
            guard last.number == first.number + 1 else { throw fail("an insertion lies between two adjacent residues") }
            return .insertion(first, last, try aminoAcids("the inserted amino acids"))
        }
        guard last == nil else { throw fail("a range takes del, dup, ins or delins, found \(describeCurrent())") }
        if accept("=") { return .synonymous(first) }
        if accept("?") { return .unknownEffect(first) }
        if accept("fs") {
            guard !atEnd, current != ")" else { return .frameshift(first, nil, nil) }
            return .frameshift(first, nil, try newStop())
        }
        if accept("ext") {
            if accept("-") {
                let n = try number("the number of new upstream residues")
                guard first.aminoAcid == .met else { throw fail("an N-terminal extension starts at Met1") }
                return .startExtension(first, n)
            }
            throw fail("a stop-codon extension names the new amino acid, as in Ter395GlnextTer?")
        }
        guard !atEnd, current != ")" else {
            throw fail("expected the new amino acid or an edit (=, ?, del, dup, ins, delins, fs, ext)")
        }
        let alt = try aminoAcid("the new amino acid")
        if accept("fs") {
            guard !atEnd, current != ")" else { return .frameshift(first, alt, nil) }
            return .frameshift(first, alt, try newStop())
        }
        if accept("ext") {
            guard first.aminoAcid == .ter else { throw fail("a C-terminal extension starts at the stop codon (Ter or *)") }
            return .stopExtension(first, alt, try newStop())
        }
        if alt == first.aminoAcid { throw fail("the new amino acid is the same as the reference; write '='", at: i - 1) }
        return .substitution(first, alt)
    }
}
