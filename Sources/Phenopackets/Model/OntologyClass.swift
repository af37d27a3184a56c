public import Ontology

extension Phenopacket {
    /// A term of an ontology: `id` as `PREFIX:LOCAL` (HP:0001250, LOINC:2731-8, UCUM:mg/dL) and its label.
    public struct OntologyClass: Hashable, Sendable, Codable {
        @ProtoField public var id: String = ""
        @ProtoField public var label: String = ""

        public init(id: String, label: String = "") {
            self.id = id
            self.label = label
        }

        public init(_ term: TermID, label: String = "") {
            self.init(id: term.description, label: label)
        }

        /// The id as a ``TermID``; nil when it is not of the form `PREFIX:LOCAL`.
        public var termID: TermID? { TermID(id) }
    }

    /// A reference to a publication or another resource, e.g. `PMID:30808312`.
    public struct ExternalReference: Hashable, Sendable, Codable {
        @ProtoField public var id: String = ""
        @ProtoField public var reference: String = ""
        @ProtoField public var description: String = ""

        public init(id: String = "", reference: String = "", description: String = "") {
            self.id = id
            self.reference = reference
            self.description = description
        }
    }

    /// Why a feature is asserted: an evidence code (ECO) and where it comes from.
    public struct Evidence: Hashable, Sendable, Codable {
        public var evidenceCode: OntologyClass?
        public var reference: ExternalReference?

        public init(evidenceCode: OntologyClass? = nil, reference: ExternalReference? = nil) {
            self.evidenceCode = evidenceCode
            self.reference = reference
        }
    }
}
