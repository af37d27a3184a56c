/// A disease database of the HPO annotations: which diseases a ranking or an information content
/// is computed over.
public enum Corpus: String, Sendable, Codable, CaseIterable {
    case omim, orpha, decipher, all

    /// Whether a disease id belongs to this corpus.
    public func contains(_ disease: TermID) -> Bool {
        switch self {
        case .omim: disease.prefix == "OMIM"
        case .orpha: disease.prefix == "ORPHA"
        case .decipher: disease.prefix == "DECIPHER"
        case .all: true
        }
    }
}

/// Well-known HPO terms the software navigates by.
public enum HPO {
    public static let root = TermID.hpo(1)
    public static let phenotypicAbnormality = TermID.hpo(118)
    public static let modeOfInheritance = TermID.hpo(5)
    public static let clinicalModifier = TermID.hpo(12823)
    public static let onset = TermID.hpo(3674)
    public static let frequency = TermID.hpo(40279)
    public static let pastMedicalHistory = TermID.hpo(32443)
    public static let bloodGroup = TermID.hpo(32223)
}
