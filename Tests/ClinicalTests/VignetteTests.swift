import Foundation
import Testing
import Ontology
@testable import Clinical

/// Published patients of the whole spectrum (`Vignettes/gnas-vignettes.json`, each with its citation):
/// the assessment must name the accepted category for at least 90% (a provisional call counts).
@Suite struct VignetteTests {
    struct File: Decodable {
        var vignettes: [Vignette]
    }

    struct Vignette: Decodable {
        struct Lab: Decodable { var analyte: String; var value: Double; var unit: String }
        struct Variant: Decodable { var gene: String?; var hgvs: String?; var origin: ParentOfOrigin? }
        var id: String
        var citation: String
        var expected: SpectrumClass
        var omim: String?
        var age: String
        var sex: Sex
        var present: [String]
        var excluded: [String]
        var labs: [Lab]
        var lesions: [String]
        var variants: [Variant]
        var tests: TestResults

        func record() throws -> PatientRecord {
            var r = PatientRecord(id: id, sex: sex, age: try Age(iso8601: age))
            r.phenotypes = present.compactMap(TermID.init).map { PhenotypeObservation(term: $0) }
                + excluded.compactMap(TermID.init).map { PhenotypeObservation(term: $0, excluded: true) }
            r.labs = labs.map { LabResult(analyte: $0.analyte, value: $0.value, unit: $0.unit) }
            r.lesions = try lesions.map { try Lesion(descriptor: $0) }
            r.variants = variants.map { VariantObservation(gene: $0.gene, hgvs: $0.hgvs, origin: $0.origin) }
            r.tests = tests.isEmpty ? nil : tests
            return r
        }
    }

    static func load() throws -> [Vignette] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vignettes/gnas-vignettes.json")
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).vignettes
    }

    @Test func atLeastNinetyPercentRightOnPublishedPatients() throws {
        let vignettes = try Self.load()
        #expect(vignettes.count >= 25)
        #expect(vignettes.allSatisfy { !$0.citation.isEmpty })
        #expect(Set(vignettes.map(\.expected)).isSuperset(of: [.poh, .pohAHOOverlap, .php1a, .pphp, .php1b, .fopSuspected, .osteomaCutis, .calcinosis]))
        let knowledge = try SpectrumKnowledge.load(), labs = try LabKnowledge.load(), transcript = try GNASTranscript.load()
        var right = 0
        for v in vignettes {
            let a = assessGNASSpectrum(try v.record(), knowledge: knowledge, labs: labs, transcript: transcript)
            if a.classification == v.expected { right += 1 } else {
                print("vignette miss: \(v.id): expected \(v.expected.rawValue), got \(a.classification.rawValue) (\(a.reason))")
            }
        }
        let share = Double(right) / Double(vignettes.count)
        print("vignettes: \(right)/\(vignettes.count) right")
        #expect(share >= 0.9)
    }
}
