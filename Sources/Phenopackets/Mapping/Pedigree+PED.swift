extension Phenopacket.Pedigree {
    /// Reads a PED file: one person a line, six columns separated by white space (family id, individual
    /// id, paternal id, maternal id, sex 1 male / 2 female / other unknown, affected 1 unaffected /
    /// 2 affected / other missing); `0` is a missing parent; lines starting with `#` and blank lines are
    /// skipped. Further columns (genotypes) are ignored.
    /// - Throws: ``PhenopacketError`` naming the line (source `PED`), without repeating its text.
    public init(ped text: String) throws(PhenopacketError) {
        var persons: [Person] = []
        var number = 0
        // "\r\n" is one Character in Swift: split on it as well as on "\n" and "\r".
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            number += 1
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let columns = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard columns.count >= 6 else {
                throw PhenopacketError(source: "PED", line: number, path: "",
                                       problem: .other("a PED line needs 6 columns: family, individual, father, mother, sex, affected"))
            }
            func parent(_ text: Substring) -> String { text == "0" ? "" : String(text) }
            let sex: Phenopacket.Individual.Sex = switch columns[4] {
            case "1": .male
            case "2": .female
            default: .unknownSex
            }
            let affected: Person.AffectedStatus = switch columns[5] {
            case "1": .unaffected
            case "2": .affected
            default: .missing
            }
            persons.append(Person(familyId: String(columns[0]), individualId: String(columns[1]),
                                  paternalId: parent(columns[2]), maternalId: parent(columns[3]),
                                  sex: sex, affectedStatus: affected))
        }
        self.init(persons: persons)
    }

    /// The pedigree as a PED file (tab-separated, `0` for a missing parent or unknown sex/status).
    public var pedText: String {
        persons.map { p in
            let sex = switch p.sex {
            case .male: "1"
            case .female: "2"
            case .unknownSex, .otherSex: "0"
            }
            let affected = switch p.affectedStatus {
            case .unaffected: "1"
            case .affected: "2"
            case .missing: "0"
            }
            return [p.familyId, p.individualId, p.paternalId.isEmpty ? "0" : p.paternalId,
                    p.maternalId.isEmpty ? "0" : p.maternalId, sex, affected].joined(separator: "\t") + "\n"
        }.joined()
    }
}
