/// A GA4GH Phenopacket (schema v2): one individual's phenotypic features, measurements, genomic
/// interpretations, diseases and treatments, with the metadata that says which ontologies it uses.
///
/// The schema's message types are nested here (`Phenopacket.PhenotypicFeature`, ...) so that their
/// names do not collide with `Clinical` or Foundation types. The JSON form follows the proto3 JSON
/// mapping: lowerCamelCase keys, enums as names, default values left out on output, unknown fields
/// ignored on input, 64-bit integers and doubles accepted as strings.
///
/// Decoding checks the JSON structure only; ``validate()`` checks the content (required fields,
/// ontology ids, durations, timestamps), and ``decode(from:)`` does both.
public struct Phenopacket: Hashable, Sendable, Codable {
    /// Required: an identifier of this phenopacket (not of the individual).
    @ProtoField public var id: String = ""
    public var subject: Individual?
    @ProtoField public var phenotypicFeatures: [PhenotypicFeature] = []
    @ProtoField public var measurements: [Measurement] = []
    @ProtoField public var biosamples: [Biosample] = []
    @ProtoField public var interpretations: [Interpretation] = []
    @ProtoField public var diseases: [Disease] = []
    @ProtoField public var medicalActions: [MedicalAction] = []
    @ProtoField public var files: [File] = []
    public var metaData: MetaData?

    public init(id: String, subject: Individual? = nil, phenotypicFeatures: [PhenotypicFeature] = [],
                measurements: [Measurement] = [], biosamples: [Biosample] = [],
                interpretations: [Interpretation] = [], diseases: [Disease] = [],
                medicalActions: [MedicalAction] = [], files: [File] = [], metaData: MetaData? = nil) {
        self.id = id
        self.subject = subject
        self.phenotypicFeatures = phenotypicFeatures
        self.measurements = measurements
        self.biosamples = biosamples
        self.interpretations = interpretations
        self.diseases = diseases
        self.medicalActions = medicalActions
        self.files = files
        self.metaData = metaData
    }
}
