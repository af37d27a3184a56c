/// What the HPO annotations (phenotype.hpoa and genes_to_phenotype.txt) say about one disease:
/// phenotypic features grouped by top-level organ system, excluded features, onset, inheritance,
/// clinical modifiers and genes. Derived, not curated: ``DiseaseProfile/init(disease:in:)``.
///
/// Grouping: the organ systems are the children of HP:0000118 Phenotypic abnormality; a feature
/// that lies under several of them is listed under each (``counts`` counts it once).
public struct DiseaseProfile: Sendable, Hashable, Codable {
    /// An HPO term with its name in the release.
    public struct TermRef: Sendable, Hashable, Codable {
        public var id: TermID
        public var name: String

        public init(id: TermID, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// One annotated term; the lines of phenotype.hpoa for the same term are merged.
    public struct Feature: Sendable, Hashable, Codable {
        public var term: TermRef
        /// Each distinct frequency as annotated (`very frequent`, `3/7`, `40%`).
        public var frequencies: [String]
        public var onsets: [TermRef]
        public var sexes: [AnnotationSex]
        public var modifiers: [TermRef]
        public var references: [String]
        /// The highest annotated frequency as a probability, for ordering.
        public var frequencyValue: Double?
    }

    /// The features under one top-level organ system.
    public struct SystemGroup: Sendable, Hashable, Codable {
        public var system: TermRef
        public var features: [Feature]
    }

    public struct Counts: Sendable, Hashable, Codable {
        /// Distinct present phenotypic features.
        public var phenotypicFeatures: Int
        public var organSystems: Int
        public var excluded: Int
        /// Lines of phenotype.hpoa for the disease.
        public var annotations: Int
        public var genes: Int
    }

    public var id: TermID
    public var name: String
    /// The HPO and annotation release the profile was derived from.
    public var hpoVersion: String
    public var annotationVersion: String
    /// How a feature under several organ systems is grouped.
    public var grouping: String
    public var systems: [SystemGroup]
    /// Present phenotypic features that lie under no organ system (e.g. obsolete terms).
    public var unclassified: [Feature]
    /// Features annotated with NOT: the disease is known not to show them.
    public var excluded: [Feature]
    /// Clinical course annotations (aspect C): onset and course.
    public var onset: [Feature]
    /// Mode of inheritance (aspect I).
    public var inheritance: [Feature]
    /// Clinical modifiers (aspect M).
    public var modifiers: [Feature]
    /// Past medical history (aspect H).
    public var history: [Feature]
    public var genes: [Gene]
    public var counts: Counts

    public static let groupingNote = "a feature under several organ systems is listed under each"
}
