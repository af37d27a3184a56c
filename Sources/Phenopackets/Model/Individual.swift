extension Phenopacket {
    /// The subject of a phenopacket.
    public struct Individual: Hashable, Sendable, Codable {
        /// Required by the schema: the individual's identifier (patient data: never in error texts).
        @ProtoField public var id: String = ""
        @ProtoField public var alternateIds: [String] = []
        /// RFC 3339 time.
        public var dateOfBirth: String?
        public var timeAtLastEncounter: TimeElement?
        public var vitalStatus: VitalStatus?
        @ProtoField public var sex: Sex = .unknownSex
        @ProtoField public var karyotypicSex: KaryotypicSex = .unknownKaryotype
        public var gender: OntologyClass?
        /// NCBITaxon:9606 for humans.
        public var taxonomy: OntologyClass?

        public init(id: String, alternateIds: [String] = [], dateOfBirth: String? = nil,
                    timeAtLastEncounter: TimeElement? = nil, vitalStatus: VitalStatus? = nil,
                    sex: Sex = .unknownSex, karyotypicSex: KaryotypicSex = .unknownKaryotype,
                    gender: OntologyClass? = nil, taxonomy: OntologyClass? = nil) {
            self.id = id
            self.alternateIds = alternateIds
            self.dateOfBirth = dateOfBirth
            self.timeAtLastEncounter = timeAtLastEncounter
            self.vitalStatus = vitalStatus
            self.sex = sex
            self.karyotypicSex = karyotypicSex
            self.gender = gender
            self.taxonomy = taxonomy
        }

        public enum Sex: String, ProtoEnum {
            case unknownSex = "UNKNOWN_SEX", female = "FEMALE", male = "MALE", otherSex = "OTHER_SEX"
        }

        public enum KaryotypicSex: String, ProtoEnum {
            case unknownKaryotype = "UNKNOWN_KARYOTYPE", xx = "XX", xy = "XY", xo = "XO", xxy = "XXY",
                 xxx = "XXX", xxyy = "XXYY", xxxy = "XXXY", xxxx = "XXXX", xyy = "XYY",
                 otherKaryotype = "OTHER_KARYOTYPE"
        }
    }

    public struct VitalStatus: Hashable, Sendable, Codable {
        @ProtoField public var status: Status = .unknownStatus
        public var timeOfDeath: TimeElement?
        public var causeOfDeath: OntologyClass?
        @ProtoField public var survivalTimeInDays: UInt32 = 0

        public init(status: Status, timeOfDeath: TimeElement? = nil, causeOfDeath: OntologyClass? = nil,
                    survivalTimeInDays: UInt32 = 0) {
            self.status = status
            self.timeOfDeath = timeOfDeath
            self.causeOfDeath = causeOfDeath
            self.survivalTimeInDays = survivalTimeInDays
        }

        public enum Status: String, ProtoEnum {
            case unknownStatus = "UNKNOWN_STATUS", alive = "ALIVE", deceased = "DECEASED"
        }
    }
}
