public import Foundation
public import Ontology
public import Clinical

/// Parent-of-origin rules for imprinted genes (Knowledge/genotype-evidence.json): a variant's
/// transmitting parent moves weight between the diseases of the gene.
public struct GenotypeEvidenceRules: Sendable, Codable {
    public struct Rule: Sendable, Codable {
        public var gene: String
        public var origin: ParentOfOrigin
        public var favoured: [TermID]
        public var disfavoured: [TermID]
        public var likelihoodRatio: Double
        public var reason: String
        public var sources: [String]
        public var unconfirmed: String?
    }

    /// A molecular test result that moves weight between diseases: a GNAS methylation defect is
    /// the diagnostic finding of PHP1B; a negative ACVR1 test all but excludes classic FOP.
    public struct TestRule: Sendable, Codable {
        /// `gnasMethylation`, `acvr1` or `gnasSequencing` (the keys of ``TestResults``).
        public var test: String
        /// The results (their CLI spelling, e.g. `loss-AB`) the rule applies to.
        public var results: [String]
        public var diseases: [TermID]
        public var likelihoodRatio: Double
        public var reason: String
        public var sources: [String]
        public var unconfirmed: String?
        /// A gene whose reported variant already carries this evidence (the gene's own ratio): the
        /// rule then adds nothing, so that one finding is not counted twice.
        public var unlessVariantIn: String?
    }

    public var version: String
    public var sources: [String: String]
    public var rules: [Rule]
    public var testRules: [TestRule]?

    public static let fileName = "genotype-evidence.json"

    public static func load(from url: URL) throws -> GenotypeEvidenceRules {
        let rules = try JSONDecoder().decode(GenotypeEvidenceRules.self, from: Data(contentsOf: url))
        for (i, r) in rules.rules.enumerated() {
            guard r.likelihoodRatio > 0, r.likelihoodRatio.isFinite else {
                throw QueryError(field: "\(fileName): rules[\(i)].likelihoodRatio", message: "must be a positive number")
            }
            for s in r.sources where rules.sources[s] == nil {
                throw QueryError(field: "\(fileName): rules[\(i)].sources", message: "unknown source key \(s)")
            }
        }
        for (i, r) in (rules.testRules ?? []).enumerated() {
            guard r.likelihoodRatio > 0, r.likelihoodRatio.isFinite else {
                throw QueryError(field: "\(fileName): testRules[\(i)].likelihoodRatio", message: "must be a positive number")
            }
            guard ["gnasMethylation", "acvr1", "gnasSequencing"].contains(r.test) else {
                throw QueryError(field: "\(fileName): testRules[\(i)].test", message: "must be gnasMethylation, acvr1 or gnasSequencing")
            }
            for s in r.sources where rules.sources[s] == nil {
                throw QueryError(field: "\(fileName): testRules[\(i)].sources", message: "unknown source key \(s)")
            }
        }
        return rules
    }

    /// The adjustments the record's variants call for.
    public func adjustments(for record: PatientRecord) -> [GenotypeAdjustment] {
        var out: [GenotypeAdjustment] = []
        for v in record.variants {
            guard let gene = v.gene?.uppercased(), let origin = v.origin else { continue }
            for r in rules where r.gene.uppercased() == gene && r.origin == origin {
                let source = r.sources.compactMap { sources[$0] }.joined(separator: "; ")
                    + (r.unconfirmed.map { " [UNCONFIRMED: \($0)]" } ?? "")
                out.append(GenotypeAdjustment(diseases: r.favoured, likelihoodRatio: r.likelihoodRatio, reason: r.reason, source: source))
                out.append(GenotypeAdjustment(diseases: r.disfavoured, likelihoodRatio: 1 / r.likelihoodRatio, reason: r.reason, source: source))
            }
        }
        let given: [String: String?] = [
            "gnasMethylation": record.tests?.gnasMethylation?.rawValue, "acvr1": record.tests?.acvr1?.rawValue,
            "gnasSequencing": record.tests?.gnasSequencing?.rawValue,
        ]
        for r in testRules ?? [] {
            guard let result = given[r.test] ?? nil, r.results.contains(result) else { continue }
            if let gene = r.unlessVariantIn?.uppercased(), record.variants.contains(where: { $0.gene?.uppercased() == gene }) { continue }
            let source = r.sources.compactMap { sources[$0] }.joined(separator: "; ") + (r.unconfirmed.map { " [UNCONFIRMED: \($0)]" } ?? "")
            out.append(GenotypeAdjustment(diseases: r.diseases, likelihoodRatio: r.likelihoodRatio, reason: r.reason, source: source))
        }
        return out
    }
}
