extension Phenopacket {
    /// A biological sample, kept minimal: its identity, tissue and type, and when it was taken.
    /// Fields not listed here are ignored on input and not written.
    public struct Biosample: Hashable, Sendable, Codable {
        /// Required by the schema.
        @ProtoField public var id: String = ""
        @ProtoField public var individualId: String = ""
        @ProtoField public var description: String = ""
        public var sampledTissue: OntologyClass?
        public var sampleType: OntologyClass?
        public var taxonomy: OntologyClass?
        public var timeOfCollection: TimeElement?
        public var procedure: Procedure?

        public init(id: String, individualId: String = "", description: String = "",
                    sampledTissue: OntologyClass? = nil, sampleType: OntologyClass? = nil,
                    taxonomy: OntologyClass? = nil, timeOfCollection: TimeElement? = nil,
                    procedure: Procedure? = nil) {
            self.id = id
            self.individualId = individualId
            self.description = description
            self.sampledTissue = sampledTissue
            self.sampleType = sampleType
            self.taxonomy = taxonomy
            self.timeOfCollection = timeOfCollection
            self.procedure = procedure
        }
    }
}
