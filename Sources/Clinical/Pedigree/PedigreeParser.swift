extension Pedigree {
    /// Parses PED text: `family individual father mother sex affected [carrier]`, separated by
    /// spaces or tabs; `#` starts a comment. Parents `0` are unknown; sex 1 male, 2 female, 0
    /// unknown; affected 1 unaffected, 2 affected, 0 or -9 unknown. The optional carrier column:
    /// `carrier`/`1`/`+`/`het` for a carrier, `noncarrier`/`-`/`neg` for tested negative,
    /// `untested`/`0`/`.`/`?` otherwise. The result is validated (see ``validate(file:)``).
    public init(ped text: String, file: String = "pedigree") throws(PedigreeError) {
        var people: [Individual] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            if fields.isEmpty { continue }
            guard fields.count == 6 || fields.count == 7 else {
                throw PedigreeError(file: file, line: lineNumber,
                                    message: "expected 6 columns (family, individual, father, mother, sex, affected) and an optional carrier column, found \(fields.count)")
            }
            func parent(_ s: String) -> String? { s == "0" || s == "." ? nil : s }
            let sex: PedSex
            switch fields[4].lowercased() {
            case "1", "m", "male": sex = .male
            case "2", "f", "female": sex = .female
            case "0", "other", "unknown", "u": sex = .unknown
            default: throw PedigreeError(file: file, line: lineNumber, message: "column 5 (sex) must be 1 (male), 2 (female) or 0 (unknown)")
            }
            let affected: Affection
            switch fields[5].lowercased() {
            case "2": affected = .affected
            case "1": affected = .unaffected
            case "0", "-9": affected = .unknown
            default: throw PedigreeError(file: file, line: lineNumber, message: "column 6 (affected) must be 2 (affected), 1 (unaffected) or 0/-9 (unknown)")
            }
            var carrier = CarrierStatus.untested
            if fields.count == 7 {
                switch fields[6].lowercased() {
                case "carrier", "1", "+", "het", "yes": carrier = .carrier
                case "noncarrier", "non-carrier", "-", "neg", "negative", "no": carrier = .noncarrier
                case "untested", "0", ".", "?", "unknown": carrier = .untested
                default: throw PedigreeError(file: file, line: lineNumber, message: "column 7 (carrier) must be carrier, noncarrier or untested")
                }
            }
            people.append(Individual(family: fields[0], id: fields[1], father: parent(fields[2]), mother: parent(fields[3]),
                                     sex: sex, affected: affected, carrier: carrier, line: lineNumber))
        }
        guard !people.isEmpty else { throw PedigreeError(file: file, line: 0, message: "no individuals") }
        self.init(individuals: people)
        try validate(file: file)
    }

    /// Duplicate ids, parents not listed, a female father or male mother, a parent who is the
    /// individual, and cycles (someone their own ancestor) are errors.
    public func validate(file: String = "pedigree") throws(PedigreeError) {
        var seen: [String: Int] = [:]
        for p in individuals {
            let key = p.family + "\u{0}" + p.id
            if let first = seen[key] {
                throw PedigreeError(file: file, line: p.line, message: "the individual on this line is listed twice in its family (first on line \(first))")
            }
            seen[key] = p.line
        }
        for p in individuals {
            for (role, parentID, wrongSex) in [("father", p.father, PedSex.female), ("mother", p.mother, PedSex.male)] {
                guard let parentID else { continue }
                if parentID == p.id {
                    throw PedigreeError(file: file, line: p.line, message: "the individual on this line is given as their own \(role)")
                }
                guard let parent = individual(parentID, family: p.family) else {
                    throw PedigreeError(file: file, line: p.line, message: "the \(role) named on this line is not listed in the same family")
                }
                if parent.sex == wrongSex {
                    throw PedigreeError(file: file, line: p.line, message: "the \(role) named on this line is recorded as \(wrongSex.rawValue) on line \(parent.line)")
                }
            }
            if let f = p.father, f == p.mother {
                throw PedigreeError(file: file, line: p.line, message: "the father and mother on this line are the same individual")
            }
        }
        // Cycles: depth-first search over parent links.
        var state: [String: Int] = [:] // 1 visiting, 2 done
        func visit(_ p: Individual) throws(PedigreeError) {
            let key = p.family + "\u{0}" + p.id
            if state[key] == 2 { return }
            if state[key] == 1 {
                throw PedigreeError(file: file, line: p.line, message: "the individual on this line is their own ancestor (a cycle in the pedigree)")
            }
            state[key] = 1
            for parentID in [p.father, p.mother].compactMap({ $0 }) {
                if let parent = individual(parentID, family: p.family) { try visit(parent) }
            }
            state[key] = 2
        }
        for p in individuals { try visit(p) }
    }
}
