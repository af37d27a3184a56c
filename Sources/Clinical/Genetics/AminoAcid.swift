/// The amino acids of HGVS protein descriptions, with the stop codon (`Ter`, `*`).
public enum AminoAcid: String, Hashable, Sendable, Codable, CaseIterable {
    case ala = "Ala", arg = "Arg", asn = "Asn", asp = "Asp", cys = "Cys", gln = "Gln", glu = "Glu"
    case gly = "Gly", his = "His", ile = "Ile", leu = "Leu", lys = "Lys", met = "Met", phe = "Phe"
    case pro = "Pro", ser = "Ser", thr = "Thr", trp = "Trp", tyr = "Tyr", val = "Val"
    case sec = "Sec", pyl = "Pyl"
    case ter = "Ter"

    public var threeLetter: String { rawValue }

    public var oneLetter: Character {
        switch self {
        case .ala: "A"; case .arg: "R"; case .asn: "N"; case .asp: "D"; case .cys: "C"; case .gln: "Q"
        case .glu: "E"; case .gly: "G"; case .his: "H"; case .ile: "I"; case .leu: "L"; case .lys: "K"
        case .met: "M"; case .phe: "F"; case .pro: "P"; case .ser: "S"; case .thr: "T"; case .trp: "W"
        case .tyr: "Y"; case .val: "V"; case .sec: "U"; case .pyl: "O"; case .ter: "*"
        }
    }

    public init?(threeLetter: String) {
        self.init(rawValue: threeLetter)
    }

    public init?(oneLetter: Character) {
        guard let aa = AminoAcid.allCases.first(where: { $0.oneLetter == oneLetter }) else { return nil }
        self = aa
    }
}
