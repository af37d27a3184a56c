extension Phenopacket {
    /// A file related to the subject (e.g. a VCF), by URI.
    public struct File: Hashable, Sendable, Codable {
        @ProtoField public var uri: String = ""
        /// Maps identifiers used in the file to individual or biosample ids.
        @ProtoField public var individualToFileIdentifiers: [String: String] = [:]
        @ProtoField public var fileAttributes: [String: String] = [:]

        public init(uri: String, individualToFileIdentifiers: [String: String] = [:],
                    fileAttributes: [String: String] = [:]) {
            self.uri = uri
            self.individualToFileIdentifiers = individualToFileIdentifiers
            self.fileAttributes = fileAttributes
        }
    }
}
