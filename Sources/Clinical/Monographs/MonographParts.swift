public import Ontology

/// The gene of a disease: HGNC symbol, cytogenetic locus and OMIM gene number, each when known.
public struct GeneLocus: Sendable, Hashable, Codable {
    public var symbol: String
    public var locus: String?
    /// The OMIM gene entry, e.g. `OMIM:139320` for GNAS.
    public var omimGene: TermID?

    public init(symbol: String, locus: String? = nil, omimGene: TermID? = nil) {
        self.symbol = symbol
        self.locus = locus
        self.omimGene = omimGene
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case symbol, locus, omimGene }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        symbol = try c.decode(String.self, forKey: .symbol)
        locus = try c.decodeIfPresent(String.self, forKey: .locus)
        omimGene = try c.decodeIfPresent(TermID.self, forKey: .omimGene)
    }
}

/// The parent whose transmission of the causal allele gives this phenotype (a disease-level fact;
/// a patient's variant carries its own ``ParentOfOrigin``).
public enum TransmittingParent: String, Sendable, Hashable, Codable, CaseIterable {
    case paternal, maternal
    /// The phenotype does not depend on the transmitting parent.
    case notApplicable
}

/// A main clinical feature in the curator's words, with the HPO term it maps to.
public struct ClinicalFeature: Sendable, Hashable, Codable {
    public var label: String
    /// The HPO term. Absent only when the domain brief names no term for the feature (the item's
    /// note then says so).
    public var hpo: TermID?

    public init(label: String, hpo: TermID?) {
        self.label = label
        self.hpo = hpo
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case label, hpo }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        label = try c.decode(String.self, forKey: .label)
        hpo = try c.decodeIfPresent(TermID.self, forKey: .hpo)
    }
}

/// A main biochemical alteration (or the absence of one): an analyte and its typical finding.
public struct BiochemicalFinding: Sendable, Hashable, Codable {
    public var analyte: String
    /// e.g. `normal`, `low`, `high`, `normal or mildly high`, `reduced`.
    public var finding: String
    /// The HPO term an abnormal finding stands for, e.g. HP:0002901 Hypocalcemia.
    public var hpo: TermID?

    public init(analyte: String, finding: String, hpo: TermID? = nil) {
        self.analyte = analyte
        self.finding = finding
        self.hpo = hpo
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case analyte, finding, hpo }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        analyte = try c.decode(String.self, forKey: .analyte)
        finding = try c.decode(String.self, forKey: .finding)
        hpo = try c.decodeIfPresent(TermID.self, forKey: .hpo)
    }
}

/// How the disease is told apart from one neighbour in the differential diagnosis.
public struct Differential: Sendable, Hashable, Codable {
    /// The neighbour: a disease id (`OMIM:135100`) or the key of a curated monograph without an id
    /// of its own (`osteoma-cutis`).
    public var neighbour: String
    public var point: String

    public init(neighbour: String, point: String) {
        self.neighbour = neighbour
        self.point = point
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case neighbour, point }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        neighbour = try c.decode(String.self, forKey: .neighbour)
        point = try c.decode(String.self, forKey: .point)
    }
}

/// A mode of inheritance or a statement about transmission and recurrence, with its HPO term when
/// there is one.
public struct InheritanceStatement: Sendable, Hashable, Codable {
    public var text: String
    public var hpo: TermID?

    public init(text: String, hpo: TermID? = nil) {
        self.text = text
        self.hpo = hpo
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case text, hpo }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        hpo = try c.decodeIfPresent(TermID.self, forKey: .hpo)
    }
}

/// The place of the disease in a classification scheme, e.g. an iPPSD subtype.
public struct Classification: Sendable, Hashable, Codable {
    public var scheme: String
    public var value: String

    public init(scheme: String, value: String) {
        self.scheme = scheme
        self.value = value
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case scheme, value }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        scheme = try c.decode(String.self, forKey: .scheme)
        value = try c.decode(String.self, forKey: .value)
    }
}

/// A literature reference of the entry.
public struct LiteratureReference: Sendable, Hashable, Codable {
    public var citation: String
    /// The PubMed id, digits only, when the domain brief gives one.
    public var pmid: String?

    public init(citation: String, pmid: String? = nil) {
        self.citation = citation
        self.pmid = pmid
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case citation, pmid }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        citation = try c.decode(String.self, forKey: .citation)
        pmid = try c.decodeIfPresent(String.self, forKey: .pmid)
    }
}
