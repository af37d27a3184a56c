extension Phenopacket {
    /// Who made the phenopacket, when, and which ontology releases its ids come from.
    public struct MetaData: Hashable, Sendable, Codable {
        /// RFC 3339 time.
        public var created: String?
        @ProtoField public var createdBy: String = ""
        @ProtoField public var submittedBy: String = ""
        @ProtoField public var resources: [Resource] = []
        @ProtoField public var updates: [Update] = []
        /// "2.0" for this schema.
        @ProtoField public var phenopacketSchemaVersion: String = ""
        @ProtoField public var externalReferences: [ExternalReference] = []

        public init(created: String? = nil, createdBy: String = "", submittedBy: String = "",
                    resources: [Resource] = [], updates: [Update] = [], phenopacketSchemaVersion: String = "2.0",
                    externalReferences: [ExternalReference] = []) {
            self.created = created
            self.createdBy = createdBy
            self.submittedBy = submittedBy
            self.resources = resources
            self.updates = updates
            self.phenopacketSchemaVersion = phenopacketSchemaVersion
            self.externalReferences = externalReferences
        }
    }

    /// An ontology release the phenopacket uses, e.g. HPO with namespace prefix `HP`.
    public struct Resource: Hashable, Sendable, Codable {
        @ProtoField public var id: String = ""
        @ProtoField public var name: String = ""
        @ProtoField public var url: String = ""
        @ProtoField public var version: String = ""
        @ProtoField public var namespacePrefix: String = ""
        @ProtoField public var iriPrefix: String = ""

        public init(id: String, name: String, url: String, version: String, namespacePrefix: String, iriPrefix: String) {
            self.id = id
            self.name = name
            self.url = url
            self.version = version
            self.namespacePrefix = namespacePrefix
            self.iriPrefix = iriPrefix
        }
    }

    public struct Update: Hashable, Sendable, Codable {
        /// RFC 3339 time.
        public var timestamp: String?
        @ProtoField public var updatedBy: String = ""
        @ProtoField public var comment: String = ""

        public init(timestamp: String, updatedBy: String = "", comment: String = "") {
            self.timestamp = timestamp
            self.updatedBy = updatedBy
            self.comment = comment
        }
    }
}
