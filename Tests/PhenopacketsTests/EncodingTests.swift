import Foundation
import Testing
@testable import Phenopackets

@Suite struct EncodingTests {
    @Test func omitsDefaultValues() throws {
        var packet = Phenopacket(id: "p", subject: .init(id: "s"))
        packet.phenotypicFeatures = [.init(type: .init(id: "HP:0001250"))]
        packet.interpretations = [.init(id: "i", diagnosis: .init(genomicInterpretations: [
            .init(subjectOrBiosampleId: "s", variantInterpretation: .init(variationDescriptor: .init(id: "v"))),
        ]))]
        let json = try String(decoding: packet.jsonData(), as: UTF8.self)
        for absent in ["excluded", "modifiers", "evidence", "description", "measurements", "diseases", "sex",
                       "karyotypicSex", "progressStatus", "acmgPathogenicityClassification", "therapeuticActionability",
                       "moleculeContext", "interpretationStatus", "label", "null", "[]", "metaData", "alternateIds"] {
            #expect(!json.contains(absent), "\(absent) written in \(json)")
        }
        #expect(json.contains(#""type":{"id":"HP:0001250"}"#))
    }

    @Test func writesNonDefaultValuesInProtoForm() throws {
        var packet = Phenopacket(id: "p", subject: .init(id: "s", sex: .female))
        packet.phenotypicFeatures = [.init(type: .init(id: "HP:0001250", label: "Seizure"), excluded: true)]
        let object = try Fixtures.object(packet)
        let subject = object["subject"] as? [String: Any]
        #expect(subject?["sex"] as? String == "FEMALE")
        let feature = (object["phenotypicFeatures"] as? [[String: Any]])?.first
        #expect(feature?["excluded"] as? Bool == true)
    }

    @Test func encodedBenchLikeDocumentRoundTrips() throws {
        let packet = try Fixtures.decode(Fixtures.fullCase)
        let again = try Phenopacket.decode(from: packet.jsonData())
        #expect(again == packet)
        let pretty = try Phenopacket.decode(from: packet.jsonData(pretty: true))
        #expect(pretty == packet)
    }
}
