#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// GNAS inheritance facts of `Knowledge/gnas-inheritance.json`.
public struct InheritanceKnowledge: Sendable, Codable, Hashable {
    public var version: String
    public var sources: [String: String]
    public var transmission: Transmission
    public var byTransmittingParent: ByParent
    public var parentsTestedNegative: Statement
    public var parentsUntested: Statement
    public var noncarrierParent: Statement

    public static let fileName = "gnas-inheritance.json"

    public struct Transmission: Sendable, Codable, Hashable {
        public var probability: Double
        public var text: String
        public var source: String
    }

    public struct ByParent: Sendable, Codable, Hashable {
        public var paternal: ParentPhenotype
        public var maternal: ParentPhenotype
    }

    public struct ParentPhenotype: Sendable, Codable, Hashable {
        public var expectedPhenotypes: [String]
        public var text: String
        public var inheritanceTerm: SourcedTerm
        public var source: String
    }

    public struct Statement: Sendable, Codable, Hashable {
        public var text: String
        public var detail: String?
        /// A number only when a source gives one.
        public var probability: Double?
        public var source: String
    }

    public static func load(from url: URL) throws(KnowledgeError) -> InheritanceKnowledge {
        let k = try KnowledgeLoading.decode(InheritanceKnowledge.self, from: url)
        try k.validate()
        return k
    }

    public static func load() throws(KnowledgeError) -> InheritanceKnowledge {
        try load(from: KnowledgeLoading.directory().appendingPathComponent(fileName))
    }

    /// Probabilities within 0...1 and every cited source listed.
    public func validate() throws(KnowledgeError) {
        guard (0...1).contains(transmission.probability),
              parentsTestedNegative.probability.map({ (0...1).contains($0) }) ?? true else {
            throw KnowledgeError(file: Self.fileName, reason: "probabilities must lie between 0 and 1")
        }
        let cited = [transmission.source, byTransmittingParent.paternal.source, byTransmittingParent.maternal.source,
                     byTransmittingParent.paternal.inheritanceTerm.source, byTransmittingParent.maternal.inheritanceTerm.source,
                     parentsTestedNegative.source, parentsUntested.source, noncarrierParent.source]
        for key in FamilyRisk.unique(cited) where sources[key] == nil {
            throw KnowledgeError(file: Self.fileName, reason: "unknown source '\(key)'")
        }
    }

    public func phenotype(for origin: ParentOfOrigin) -> ParentPhenotype? {
        switch origin {
        case .paternal: byTransmittingParent.paternal
        case .maternal: byTransmittingParent.maternal
        case .deNovo, .unknown: nil
        }
    }
}
