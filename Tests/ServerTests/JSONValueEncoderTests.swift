import Clinical
import Composition
import Diagnosis
import FoundationEssentials
import Ontology
@testable import Registry
import Testing

/// `JSONValue(encoding:)` builds the tree directly; it must give what Foundation's encoder and
/// parser give, on the real results it encodes (a ranked differential, a GNAS assessment) and on
/// the shapes Codable can produce.
@Suite struct JSONValueEncoderTests {
    struct Shapes: Codable, Equatable {
        enum Kind: Codable, Equatable { case plain, tagged(Int, label: String?), nested([String: [Int]]) }
        var text = "é \"quoted\" \u{0}"
        var absent: Int?
        var present: Double? = 2.5
        var flags = [true, false]
        var kinds: [Kind] = [.plain, .tagged(3, label: nil), .tagged(-4, label: "x"), .nested(["a": [1, 2], "b": []])]
        var byNumber: [Int: String] = [1: "one", 20: "twenty"]
        var when = Date(timeIntervalSince1970: 1_700_000_000.25)
        var bytes = Data([0, 1, 2, 255])
        var link = URL(string: "https://example.org/a?b=c")!
        var amount = Decimal(string: "12.50")!
        var big: Int64 = 9_007_199_254_740_993
        var unsigned: UInt = 7
        var float: Float = 0.1
        var empty: [String: Int] = [:]
    }

    @Test func shapesEncodeAsFoundationWould() throws {
        let value = Shapes()
        let direct = try JSONValue(encoding: value).objectValue ?? [:], text = try JSONValue(encodingThroughText: value).objectValue ?? [:]
        for key in Set(direct.keys).union(text.keys) { #expect(direct[key] == text[key], "\(key)") }
        #expect(try JSONValue(encoding: [value, value]) == JSONValue(encodingThroughText: [value, value]))
        #expect(try JSONValue(encoding: "top") == JSONValue(encodingThroughText: "top"))
        #expect(try JSONValue(encoding: Optional<Int>.none) == JSONValue(encodingThroughText: Optional<Int>.none))
        #expect(throws: EncodingError.self) { try JSONValue(encoding: [Double.nan]) }
    }

    @Test func realResultsEncodeAsFoundationWould() throws {
        let engines = try TestEnvironment.engines.get()
        var record = PatientRecord(id: "synthetic-1", sex: .female)
        record.phenotypes = ["HP:0034282", "HP:0011987", "HP:0001256"].compactMap { TermID($0) }.map { PhenotypeObservation(term: $0) }
        record.phenotypes.append(PhenotypeObservation(term: TermID("HP:0003165")!, excluded: true))
        record.labs = [LabResult(analyte: "calcium", value: 2.3, unit: "mmol/L")]
        let differential = try engines.diagnosis.diagnose(record)
        #expect(try JSONValue(encoding: differential) == JSONValue(encodingThroughText: differential))
        let assessment = assessGNASSpectrum(record, knowledge: engines.spectrum, labs: engines.labs, transcript: engines.transcript,
                                            hierarchy: TermHierarchy(engines.diagnosis.kb))
        #expect(try JSONValue(encoding: assessment) == JSONValue(encodingThroughText: assessment))
        let fields = PatientFields(pseudonym: "synthetic", birthDate: "2015-03-10", sex: .female)
        #expect(try JSONValue(encoding: fields) == JSONValue(encodingThroughText: fields))
    }
}
