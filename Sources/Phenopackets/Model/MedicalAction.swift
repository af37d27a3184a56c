extension Phenopacket {
    /// A procedure or a treatment given to the subject, kept minimal: radiation therapy and therapeutic
    /// regimens are ignored on input and not written.
    public struct MedicalAction: Hashable, Sendable, Codable {
        /// One of `procedure` and `treatment` (part of a proto oneof).
        public var procedure: Procedure?
        public var treatment: Treatment?
        public var treatmentTarget: OntologyClass?
        public var treatmentIntent: OntologyClass?
        public var responseToTreatment: OntologyClass?
        @ProtoField public var adverseEvents: [OntologyClass] = []
        public var treatmentTerminationReason: OntologyClass?

        public init(procedure: Procedure) { self.procedure = procedure }
        public init(treatment: Treatment) { self.treatment = treatment }
    }

    /// A drug given to the subject.
    public struct Treatment: Hashable, Sendable, Codable {
        /// Required: the agent (e.g. a DrugBank or ChEBI term).
        public var agent: OntologyClass?
        public var routeOfAdministration: OntologyClass?
        public var cumulativeDose: Quantity?

        public init(agent: OntologyClass, routeOfAdministration: OntologyClass? = nil, cumulativeDose: Quantity? = nil) {
            self.agent = agent
            self.routeOfAdministration = routeOfAdministration
            self.cumulativeDose = cumulativeDose
        }
    }
}
