extension Phenopacket {
    /// A disease diagnosed in (or excluded for) the subject.
    public struct Disease: Hashable, Sendable, Codable {
        /// Required: the disease term (OMIM, ORPHA, MONDO).
        public var term: OntologyClass?
        @ProtoField public var excluded: Bool = false
        public var onset: TimeElement?
        public var resolution: TimeElement?
        @ProtoField public var diseaseStage: [OntologyClass] = []
        @ProtoField public var clinicalTnmFinding: [OntologyClass] = []
        public var primarySite: OntologyClass?
        public var laterality: OntologyClass?

        public init(term: OntologyClass, excluded: Bool = false, onset: TimeElement? = nil,
                    resolution: TimeElement? = nil, primarySite: OntologyClass? = nil,
                    laterality: OntologyClass? = nil) {
            self.term = term
            self.excluded = excluded
            self.onset = onset
            self.resolution = resolution
            self.primarySite = primarySite
            self.laterality = laterality
        }
    }
}
