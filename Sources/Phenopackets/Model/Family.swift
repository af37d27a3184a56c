extension Phenopacket {
    /// A family (GA4GH `Family`): the proband's phenopacket, the relatives' phenopackets, and the
    /// pedigree that links them.
    public struct Family: Hashable, Sendable, Codable {
        /// Required: the family's identifier.
        @ProtoField public var id: String = ""
        /// Required by the schema: the affected individual the family was ascertained through.
        public var proband: Phenopacket?
        @ProtoField public var relatives: [Phenopacket] = []
        @ProtoField public var consanguinousParents: Bool = false
        public var pedigree: Pedigree?
        @ProtoField public var files: [File] = []
        public var metaData: MetaData?

        public init(id: String, proband: Phenopacket? = nil, relatives: [Phenopacket] = [],
                    consanguinousParents: Bool = false, pedigree: Pedigree? = nil, files: [File] = [],
                    metaData: MetaData? = nil) {
            self.id = id
            self.proband = proband
            self.relatives = relatives
            self.consanguinousParents = consanguinousParents
            self.pedigree = pedigree
            self.files = files
            self.metaData = metaData
        }
    }

    /// A group of individuals studied together (GA4GH `Cohort`), e.g. a registry export.
    public struct Cohort: Hashable, Sendable, Codable {
        /// Required: the cohort's identifier.
        @ProtoField public var id: String = ""
        @ProtoField public var description: String = ""
        @ProtoField public var members: [Phenopacket] = []
        @ProtoField public var files: [File] = []
        public var metaData: MetaData?

        public init(id: String, description: String = "", members: [Phenopacket] = [], files: [File] = [],
                    metaData: MetaData? = nil) {
            self.id = id
            self.description = description
            self.members = members
            self.files = files
            self.metaData = metaData
        }
    }

    /// Who is whose parent, sex and affected status: the content of a PED file.
    public struct Pedigree: Hashable, Sendable, Codable {
        @ProtoField public var persons: [Person] = []

        public init(persons: [Person]) { self.persons = persons }

        public struct Person: Hashable, Sendable, Codable {
            @ProtoField public var familyId: String = ""
            /// Required: matches the `subject.id` of the person's phenopacket.
            @ProtoField public var individualId: String = ""
            /// Empty when the father is not in the pedigree.
            @ProtoField public var paternalId: String = ""
            @ProtoField public var maternalId: String = ""
            @ProtoField public var sex: Individual.Sex = .unknownSex
            @ProtoField public var affectedStatus: AffectedStatus = .missing

            public init(familyId: String, individualId: String, paternalId: String = "", maternalId: String = "",
                        sex: Individual.Sex = .unknownSex, affectedStatus: AffectedStatus = .missing) {
                self.familyId = familyId
                self.individualId = individualId
                self.paternalId = paternalId
                self.maternalId = maternalId
                self.sex = sex
                self.affectedStatus = affectedStatus
            }

            public enum AffectedStatus: String, ProtoEnum {
                case missing = "MISSING", unaffected = "UNAFFECTED", affected = "AFFECTED"
            }
        }
    }
}
