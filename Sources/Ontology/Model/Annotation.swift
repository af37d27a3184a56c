/// How often a feature occurs in a disease, in one of the forms phenotype.hpoa allows.
public enum AnnotationFrequency: Hashable, Sendable, Codable {
    /// An HPO frequency term (HP:0040280 Obligate ... HP:0040285 Excluded).
    case term(TermID)
    /// n of m patients.
    case ratio(Int, Int)
    /// A percentage.
    case percent(Double)

    /// The HPO frequency terms and the probability each stands for (the midpoints LIRICAL uses:
    /// HPO's own definitions give the ranges 100%, 80-99%, 30-79%, 5-29%, 1-4%, 0%).
    public static let termValues: [TermID: Double] = [
        .hpo(40280): 1.0, .hpo(40281): 0.895, .hpo(40282): 0.545,
        .hpo(40283): 0.17, .hpo(40284): 0.025, .hpo(40285): 0.0,
    ]

    /// The frequency as a probability, or nil for an unknown frequency term.
    public var value: Double? {
        switch self {
        case .term(let id): Self.termValues[id]
        case .ratio(let n, let m): m > 0 ? Double(n) / Double(m) : nil
        case .percent(let p): p / 100
        }
    }

    public var display: String {
        switch self {
        case .term(let id): Self.termNames[id] ?? id.description
        case .ratio(let n, let m): "\(n)/\(m)"
        case .percent(let p): p == p.rounded() ? "\(Int(p))%" : "\(p)%"
        }
    }

    static let termNames: [TermID: String] = [
        .hpo(40280): "obligate", .hpo(40281): "very frequent", .hpo(40282): "frequent",
        .hpo(40283): "occasional", .hpo(40284): "very rare", .hpo(40285): "excluded",
    ]
}

/// The aspect of an annotation: phenotypic abnormality, inheritance, clinical course (onset),
/// clinical modifier, or past medical history.
public enum AnnotationAspect: String, Sendable, Codable, CaseIterable {
    case phenotype = "P", inheritance = "I", course = "C", modifier = "M", history = "H"
}

public enum AnnotationSex: String, Sendable, Codable {
    case male = "MALE", female = "FEMALE"
}

/// One line of phenotype.hpoa: a disease annotated with an HPO term.
public struct Annotation: Hashable, Sendable, Codable {
    public var disease: TermID
    public var term: TermID
    /// The NOT qualifier: the disease is known not to show the feature.
    public var negated: Bool
    public var references: [String]
    /// IEA (inferred from electronic annotation), PCS (published clinical study), TAS (traceable author statement).
    public var evidence: String
    public var onset: TermID?
    public var frequency: AnnotationFrequency?
    public var sex: AnnotationSex?
    public var modifiers: [TermID]
    public var aspect: AnnotationAspect
    public var biocuration: String

    public init(disease: TermID, term: TermID, negated: Bool = false, references: [String] = [],
                evidence: String = "", onset: TermID? = nil, frequency: AnnotationFrequency? = nil,
                sex: AnnotationSex? = nil, modifiers: [TermID] = [], aspect: AnnotationAspect = .phenotype,
                biocuration: String = "") {
        self.disease = disease
        self.term = term
        self.negated = negated
        self.references = references
        self.evidence = evidence
        self.onset = onset
        self.frequency = frequency
        self.sex = sex
        self.modifiers = modifiers
        self.aspect = aspect
        self.biocuration = biocuration
    }
}

/// A disease as phenotype.hpoa names it.
public struct Disease: Hashable, Sendable, Codable {
    public var id: TermID
    public var name: String

    public init(id: TermID, name: String) {
        self.id = id
        self.name = name
    }
}

/// A gene with its NCBI Gene id and HGNC symbol.
public struct Gene: Hashable, Sendable, Codable {
    public var ncbiID: Int
    public var symbol: String

    public init(ncbiID: Int, symbol: String) {
        self.ncbiID = ncbiID
        self.symbol = symbol
    }
}
