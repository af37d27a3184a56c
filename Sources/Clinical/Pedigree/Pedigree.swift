/// A family in PED form: individuals with their parents, sex, affection status and, in an optional
/// seventh column, GNAS carrier status.
public struct Pedigree: Hashable, Sendable, Codable {
    public var individuals: [Individual]

    public init(individuals: [Individual]) { self.individuals = individuals }

    public struct Individual: Hashable, Sendable, Codable {
        public var family: String
        public var id: String
        public var father: String?
        public var mother: String?
        public var sex: PedSex
        public var affected: Affection
        public var carrier: CarrierStatus
        /// Line in the source file (1-based), for messages.
        public var line: Int

        public init(family: String, id: String, father: String? = nil, mother: String? = nil,
                    sex: PedSex, affected: Affection = .unknown, carrier: CarrierStatus = .untested, line: Int = 0) {
            self.family = family
            self.id = id
            self.father = father
            self.mother = mother
            self.sex = sex
            self.affected = affected
            self.carrier = carrier
            self.line = line
        }
    }

    public enum PedSex: String, Hashable, Sendable, Codable { case male, female, unknown }
    public enum Affection: String, Hashable, Sendable, Codable { case affected, unaffected, unknown }

    /// GNAS variant status from testing.
    public enum CarrierStatus: String, Hashable, Sendable, Codable {
        case carrier
        /// Tested, the family variant not found.
        case noncarrier
        case untested
    }

    public func individual(_ id: String, family: String? = nil) -> Individual? {
        individuals.first { $0.id == id && (family == nil || $0.family == family) }
    }

    public func children(of id: String, family: String) -> [Individual] {
        individuals.filter { $0.family == family && ($0.father == id || $0.mother == id) }
    }
}
