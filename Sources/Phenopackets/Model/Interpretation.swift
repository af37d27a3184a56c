extension Phenopacket {
    /// An interpretation of the case: its status and the diagnosis with the genomic findings behind it.
    public struct Interpretation: Hashable, Sendable, Codable {
        /// Required by the schema.
        @ProtoField public var id: String = ""
        @ProtoField public var progressStatus: ProgressStatus = .unknownProgress
        public var diagnosis: Diagnosis?
        @ProtoField public var summary: String = ""

        public init(id: String, progressStatus: ProgressStatus = .unknownProgress, diagnosis: Diagnosis? = nil,
                    summary: String = "") {
            self.id = id
            self.progressStatus = progressStatus
            self.diagnosis = diagnosis
            self.summary = summary
        }

        public enum ProgressStatus: String, ProtoEnum {
            case unknownProgress = "UNKNOWN_PROGRESS", inProgress = "IN_PROGRESS", completed = "COMPLETED",
                 solved = "SOLVED", unsolved = "UNSOLVED"
        }

        /// The disease diagnosed (the answer an evaluation compares against) and the genomic findings.
        public struct Diagnosis: Hashable, Sendable, Codable {
            public var disease: OntologyClass?
            @ProtoField public var genomicInterpretations: [GenomicInterpretation] = []

            public init(disease: OntologyClass? = nil, genomicInterpretations: [GenomicInterpretation] = []) {
                self.disease = disease
                self.genomicInterpretations = genomicInterpretations
            }
        }
    }

    /// A gene or a variant and what it means for the subject. `gene` and `variantInterpretation` form a
    /// proto oneof: exactly one is given.
    public struct GenomicInterpretation: Hashable, Sendable, Codable {
        @ProtoField public var subjectOrBiosampleId: String = ""
        @ProtoField public var interpretationStatus: InterpretationStatus = .unknownStatus
        public var gene: GeneDescriptor?
        public var variantInterpretation: VariantInterpretation?

        public init(subjectOrBiosampleId: String, interpretationStatus: InterpretationStatus = .unknownStatus,
                    gene: GeneDescriptor? = nil, variantInterpretation: VariantInterpretation? = nil) {
            self.subjectOrBiosampleId = subjectOrBiosampleId
            self.interpretationStatus = interpretationStatus
            self.gene = gene
            self.variantInterpretation = variantInterpretation
        }

        public enum InterpretationStatus: String, ProtoEnum {
            case unknownStatus = "UNKNOWN_STATUS", rejected = "REJECTED", candidate = "CANDIDATE",
                 contributory = "CONTRIBUTORY", causative = "CAUSATIVE"
        }
    }

    /// A gene (VRSATILE GeneDescriptor): `valueId` such as HGNC:4392 and the symbol such as GNAS.
    public struct GeneDescriptor: Hashable, Sendable, Codable {
        @ProtoField public var valueId: String = ""
        @ProtoField public var symbol: String = ""
        @ProtoField public var description: String = ""
        @ProtoField public var alternateIds: [String] = []
        @ProtoField public var alternateSymbols: [String] = []
        @ProtoField public var xrefs: [String] = []

        public init(valueId: String = "", symbol: String, description: String = "") {
            self.valueId = valueId
            self.symbol = symbol
            self.description = description
        }
    }

    public struct VariantInterpretation: Hashable, Sendable, Codable {
        @ProtoField public var acmgPathogenicityClassification: AcmgPathogenicityClassification = .notProvided
        @ProtoField public var therapeuticActionability: TherapeuticActionability = .unknownActionability
        public var variationDescriptor: VariationDescriptor?

        public init(acmgPathogenicityClassification: AcmgPathogenicityClassification = .notProvided,
                    therapeuticActionability: TherapeuticActionability = .unknownActionability,
                    variationDescriptor: VariationDescriptor) {
            self.acmgPathogenicityClassification = acmgPathogenicityClassification
            self.therapeuticActionability = therapeuticActionability
            self.variationDescriptor = variationDescriptor
        }
    }

    public enum AcmgPathogenicityClassification: String, ProtoEnum {
        case notProvided = "NOT_PROVIDED", benign = "BENIGN", likelyBenign = "LIKELY_BENIGN",
             uncertainSignificance = "UNCERTAIN_SIGNIFICANCE", likelyPathogenic = "LIKELY_PATHOGENIC",
             pathogenic = "PATHOGENIC"
    }

    public enum TherapeuticActionability: String, ProtoEnum {
        case unknownActionability = "UNKNOWN_ACTIONABILITY", notActionable = "NOT_ACTIONABLE", actionable = "ACTIONABLE"
    }
}
