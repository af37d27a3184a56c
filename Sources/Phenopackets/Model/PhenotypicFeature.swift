extension Phenopacket {
    /// One phenotypic feature (usually an HPO term), observed or explicitly excluded.
    public struct PhenotypicFeature: Hashable, Sendable, Codable {
        /// Free text (patient data: never in error texts).
        @ProtoField public var description: String = ""
        /// Required: the feature's term.
        public var type: OntologyClass?
        @ProtoField public var excluded: Bool = false
        public var severity: OntologyClass?
        @ProtoField public var modifiers: [OntologyClass] = []
        public var onset: TimeElement?
        public var resolution: TimeElement?
        @ProtoField public var evidence: [Evidence] = []

        public init(type: OntologyClass, excluded: Bool = false, description: String = "",
                    severity: OntologyClass? = nil, modifiers: [OntologyClass] = [],
                    onset: TimeElement? = nil, resolution: TimeElement? = nil, evidence: [Evidence] = []) {
            self.type = type
            self.excluded = excluded
            self.description = description
            self.severity = severity
            self.modifiers = modifiers
            self.onset = onset
            self.resolution = resolution
            self.evidence = evidence
        }
    }
}
