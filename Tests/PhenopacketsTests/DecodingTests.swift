import Foundation
import Testing
@testable import Phenopackets

@Suite struct DecodingTests {
    private func onset(_ timeJSON: String) throws -> Phenopacket.TimeElement? {
        let packet = try Fixtures.decode("""
        {"id": "p", "phenotypicFeatures": [{"type": {"id": "HP:0001250"}, "onset": \(timeJSON)}]}
        """)
        return packet.phenotypicFeatures.first?.onset
    }

    @Test func decodesEveryTimeElementForm() throws {
        #expect(try onset(#"{"age": {"iso8601duration": "P2Y3M"}}"#) == .age(iso8601duration: "P2Y3M"))
        #expect(try onset(#"{"ageRange": {"start": {"iso8601duration": "P1Y"}, "end": {"iso8601duration": "P5Y"}}}"#)
                == .ageRange(start: "P1Y", end: "P5Y"))
        #expect(try onset(#"{"ageRange": {"start": {"iso8601duration": "P18Y"}}}"#) == .ageRange(start: "P18Y", end: nil))
        #expect(try onset(#"{"ontologyClass": {"id": "HP:0003593", "label": "Infantile onset"}}"#)
                == .ontologyClass(.init(id: "HP:0003593", label: "Infantile onset")))
        #expect(try onset(#"{"gestationalAge": {"weeks": 33, "days": 2}}"#) == .gestationalAge(.init(weeks: 33, days: 2)))
        #expect(try onset(#"{"gestationalAge": {"weeks": "20"}}"#) == .gestationalAge(.init(weeks: 20)))
        #expect(try onset(#"{"timestamp": "2020-05-01T10:00:00.5+02:00"}"#) == .timestamp("2020-05-01T10:00:00.5+02:00"))
        #expect(try onset(#"{"interval": {"start": "2020-01-01T00:00:00Z", "end": "2021-01-01T00:00:00Z"}}"#)
                == .interval(.init(start: "2020-01-01T00:00:00Z", end: "2021-01-01T00:00:00Z")))
    }

    @Test func timeElementsRoundTrip() throws {
        let forms: [Phenopacket.TimeElement] = [
            .age(iso8601duration: "P4Y"), .ageRange(start: "P1Y", end: "P2Y"), .ageRange(start: nil, end: "P2Y"),
            .ontologyClass(.init(id: "HP:0003577", label: "Congenital onset")), .gestationalAge(.init(weeks: 30, days: 1)),
            .timestamp("2020-05-01T10:00:00Z"), .interval(.init(start: "2020-01-01T00:00:00Z", end: "2020-02-01T00:00:00Z")),
        ]
        for form in forms {
            var packet = Phenopacket(id: "p")
            packet.phenotypicFeatures = [.init(type: .init(id: "HP:0001250"), onset: form)]
            let again = try Phenopacket.decode(from: packet.jsonData())
            #expect(again == packet)
        }
    }

    @Test func readsSixtyFourBitIntegersAsStringsOrNumbers() throws {
        func pos(_ text: String) throws -> UInt64? {
            let packet = try Fixtures.decode("""
            {"id": "p", "interpretations": [{"id": "i", "diagnosis": {"genomicInterpretations": [{"subjectOrBiosampleId": "s",
              "variantInterpretation": {"variationDescriptor": {"id": "v", "vcfRecord": {"chrom": "1", "pos": \(text)}}}}]}}]}
            """)
            return packet.interpretations.first?.diagnosis?.genomicInterpretations.first?
                .variantInterpretation?.variationDescriptor?.vcfRecord?.pos
        }
        #expect(try pos(#""12345678901""#) == 12_345_678_901)
        #expect(try pos("12345678901") == 12_345_678_901)
        #expect(throws: PhenopacketError.self) { try pos(#""12x""#) }
    }

    @Test func writesSixtyFourBitIntegersAsStrings() throws {
        var record = Phenopacket.VcfRecord(genomeAssembly: "hg38", chrom: "chr20", pos: 58_909_000, ref: "A", alt: "G")
        record.id = "."
        let json = try String(decoding: JSONEncoder().encode(record), as: UTF8.self)
        #expect(json.contains(#""pos":"58909000""#))
    }

    @Test func readsNumbersGivenAsStrings() throws {
        let packet = try Fixtures.decode("""
        {"id": "p", "measurements": [{"assay": {"id": "LOINC:2000-8"},
          "value": {"quantity": {"unit": {"id": "UCUM:mg/dL"}, "value": "9.5",
                    "referenceRange": {"unit": {"id": "UCUM:mg/dL"}, "low": 8.5, "high": "Infinity"}}}}]}
        """)
        guard case .quantity(let q)? = packet.measurements.first?.value else { Issue.record("no quantity"); return }
        #expect(q.value == 9.5)
        #expect(q.referenceRange?.high == .infinity)
    }

    static let unknownKeys = """
    {"id": "p", "futureField": {"nested": [1, 2, {"x": null}]}, "subject": {"id": "s", "sex": "MALE", "gender2": true},
     "phenotypicFeatures": [{"type": {"id": "HP:0001250", "label": "Seizure", "iri": "http://x"}, "weight": 2}],
     "phenotypicFeature": [{"type": {"id": "HP:0001251"}}], "unusedDefault": null}
    """

    @Test func refusesUnknownKeysWithTheirPaths() throws {
        let error = try #require(throws: PhenopacketError.self) { try Fixtures.decode(Self.unknownKeys) }
        let paths = error.issues.map(\.path)
        #expect(paths == ["futureField", "phenotypicFeature", "phenotypicFeatures[0].type.iri", "phenotypicFeatures[0].weight", "subject.gender2"])
        #expect(error.issues.allSatisfy { $0.problem == .unknownField })
    }

    @Test func readsUnknownKeysWithWarningsWhenLenient() throws {
        let (packet, warnings) = try Phenopacket.decode(from: Data(Self.unknownKeys.utf8), unknownKeys: .warn)
        #expect(packet.subject?.sex == .male)
        #expect(packet.phenotypicFeatures.count == 1)
        #expect(warnings.count == 5)
        #expect(warnings.contains { $0.hasPrefix("phenotypicFeature: ") })
    }

    @Test func defaultValuesOfKnownFieldsAreNotUnknown() throws {
        // Keys the encoder leaves out because they hold proto3 defaults are still known fields.
        let packet = try Fixtures.decode("""
        {"id": "p", "subject": {"id": "s", "sex": "UNKNOWN_SEX", "karyotypicSex": "UNKNOWN_KARYOTYPE"},
         "phenotypicFeatures": [{"type": {"id": "HP:0001250"}, "excluded": false, "modifiers": []}]}
        """)
        #expect(packet.phenotypicFeatures.count == 1)
    }

    @Test func aMalformedModifierIsDroppedWithAWarning() throws {
        let (packet, warnings) = try Phenopacket.decode(from: Data("""
        {"id": "p", "phenotypicFeatures": [{"type": {"id": "HP:0001250"}, "modifiers": [{"id": "not an id"}, {"id": "HP:0012828"}]}]}
        """.utf8), unknownKeys: .reject)
        #expect(packet.phenotypicFeatures[0].modifiers.map(\.id) == ["HP:0012828"])
        #expect(warnings == ["phenotypicFeatures[0].modifiers[0].id: not an ontology id of the form PREFIX:LOCAL (such as HP:0001250); the modifier was dropped"])
    }

    @Test func readsProtoFieldNames() throws {
        let packet = try Fixtures.decode("""
        {"id": "p", "subject": {"id": "s", "time_at_last_encounter": {"age": {"iso8601duration": "P3Y"}}, "sex": "MALE"},
         "phenotypic_features": [{"type": {"id": "HP:0001250"}, "excluded": true, "onset": {"gestational_age": {"weeks": 30}}}],
         "files": [{"uri": "file://x.vcf", "file_attributes": {"genome_assembly": "GRCh38"}}],
         "meta_data": {"phenopacket_schema_version": "2.0", "created_by": "tool"}}
        """)
        #expect(packet.subject?.timeAtLastEncounter == .age(iso8601duration: "P3Y"))
        #expect(packet.phenotypicFeatures.first?.excluded == true)
        #expect(packet.phenotypicFeatures.first?.onset == .gestationalAge(.init(weeks: 30)))
        #expect(packet.files.first?.fileAttributes == ["genome_assembly": "GRCh38"])
        #expect(packet.metaData?.createdBy == "tool")
        #expect(ProtoFieldNames.camelCase("time_at_last_encounter") == "timeAtLastEncounter")
        #expect(!ProtoFieldNames.containsSnakeCaseKey(Data(#"{"sex": "UNKNOWN_SEX", "a": "x_y"}"#.utf8)))
    }

    @Test func treatsNullAndAbsentAsDefaults() throws {
        let packet = try Fixtures.decode("""
        {"id": "p", "subject": null, "phenotypicFeatures": [{"type": {"id": "HP:0001250"}, "excluded": null, "modifiers": null}]}
        """)
        #expect(packet.subject == nil)
        #expect(packet.phenotypicFeatures.first?.excluded == false)
        #expect(packet.phenotypicFeatures.first?.modifiers == [])
        #expect(packet.measurements.isEmpty)
    }

    @Test func readsEnumsByNameOrNumber() throws {
        let byName = try Fixtures.decode(#"{"id": "p", "subject": {"id": "s", "sex": "OTHER_SEX", "karyotypicSex": "XXY"}}"#)
        #expect(byName.subject?.sex == .otherSex)
        #expect(byName.subject?.karyotypicSex == .xxy)
        let byNumber = try Fixtures.decode(#"{"id": "p", "subject": {"id": "s", "sex": 1}}"#)
        #expect(byNumber.subject?.sex == .female)
    }

    @Test func decodesTheFullSyntheticCase() throws {
        let packet = try Fixtures.decode(Fixtures.fullCase)
        #expect(packet.phenotypicFeatures.count == 4)
        #expect(packet.measurements.count == 2)
        #expect(packet.interpretations.first?.progressStatus == .solved)
        let descriptor = packet.interpretations.first?.diagnosis?.genomicInterpretations.first?.variantInterpretation?.variationDescriptor
        #expect(descriptor?.moleculeContext == .transcript)
        #expect(descriptor?.vcfRecord?.pos == 58_909_000)
        #expect(packet.metaData?.phenopacketSchemaVersion == "2.0")
    }
}
