import Clinical
import Foundation
import Ontology
import Testing
@testable import Phenopackets

@Suite struct MappingTests {
    private func record() throws -> PatientRecord {
        try Fixtures.decode(Fixtures.fullCase).patientRecord()
    }

    @Test func mapsSubjectAndFeatures() throws {
        let r = try record()
        #expect(r.id == "case-1")
        #expect(r.sex == .female)
        #expect(r.age == Age(years: 7))
        #expect(r.observedTerms == [TermID.hpo(34282), TermID.hpo(11987), TermID.hpo(1513)])
        #expect(r.excludedTerms == [TermID.hpo(3165)])
        let muscle = r.phenotypes[1]
        #expect(muscle.onset == .term(TermID.hpo(11463)))
        #expect(muscle.laterality == TermID.hpo(12835))
        #expect(muscle.modifiers == [TermID.hpo(31796)])
        #expect(muscle.severity == TermID.hpo(12828))
        #expect(r.phenotypes[0].onset == .age(Age(years: 1, months: 6)))
    }

    @Test func overallOnsetIsTheEarliestObservedAge() throws {
        // P3M belongs to an excluded feature; P9M is the earliest observed one.
        #expect(try record().onset == .age(Age(months: 9)))
    }

    @Test func mapsLOINCMeasurementsToLabs() throws {
        let labs = try record().labs
        #expect(labs == [LabResult(analyte: "LOINC:2731-8", value: 40, unit: "pg/mL", referenceLow: 15, referenceHigh: 65,
                                   ageAtMeasurement: Age(years: 6))])
    }

    @Test func mapsVariants() throws {
        let variants = try record().variants
        #expect(variants == [VariantObservation(gene: "GNAS", hgvs: "NM_000516.7:c.565_568del", zygosity: "heterozygous",
                                                origin: .paternal, acmgClass: "pathogenic",
                                                otherHgvs: ["NP_000507.1:p.(Ser190fs)", "NC_000020.11:g.58909000del"],
                                                vcf: VCFPosition(assembly: "hg38", chrom: "chr20", pos: 58_909_000, ref: "AG", alt: "A"))])
    }

    @Test func prefersGenomicThenProteinHGVS() throws {
        var packet = try Fixtures.decode(Fixtures.fullCase)
        func descriptorExpressions(_ keep: Set<String>) throws -> String? {
            var p = packet
            p.interpretations[0].diagnosis?.genomicInterpretations[0].variantInterpretation?.variationDescriptor?
                .expressions.removeAll { !keep.contains($0.syntax) }
            return try p.patientRecord().variants.first?.hgvs
        }
        #expect(try descriptorExpressions(["hgvs.g", "hgvs.p"]) == "NC_000020.11:g.58909000del")
        #expect(try descriptorExpressions(["hgvs.p"]) == "NP_000507.1:p.(Ser190fs)")
        packet.interpretations[0].diagnosis?.genomicInterpretations[0].variantInterpretation?.variationDescriptor?
            .extensions = [.init(name: "parent_of_origin", value: "De_Novo")]
        #expect(try packet.patientRecord().variants.first?.origin == .deNovo)
    }

    /// The engines must never see the answer: neither the diagnosis nor `diseases` reach the record.
    @Test func neverReadsTheDiagnosis() throws {
        let packet = try Fixtures.decode(Fixtures.fullCase)
        var stripped = packet
        stripped.diseases = []
        for i in stripped.interpretations.indices { stripped.interpretations[i].diagnosis?.disease = nil }
        #expect(try stripped.patientRecord() == packet.patientRecord())
        let text = String(describing: try packet.patientRecord())
        #expect(!text.contains("166350"))
        #expect(packet.diagnosisIDs == [TermID("OMIM:166350")].compactMap { $0 })
    }

    @Test func mapsGestationalOnsetToAntenatal() throws {
        let packet = try Fixtures.decode("""
        {"id": "p", "phenotypicFeatures": [{"type": {"id": "HP:0001250"}, "onset": {"gestationalAge": {"weeks": 30}}},
          {"type": {"id": "HP:0001251"}, "onset": {"ageRange": {"start": {"iso8601duration": "P2Y"}, "end": {"iso8601duration": "P4Y"}}}}]}
        """)
        let r = try packet.patientRecord()
        #expect(r.phenotypes[0].onset == .term(TermID.hpo(30674)))
        #expect(r.phenotypes[1].onset == .age(Age(years: 2)))
        #expect(r.onset == .age(Age(years: 2)))
    }

    @Test func turnsTimestampsIntoAgesGivenTheDateOfBirth() throws {
        let packet = try Fixtures.decode("""
        {"id": "p", "subject": {"id": "s", "dateOfBirth": "2015-03-31T00:00:00Z", "timeAtLastEncounter": {"timestamp": "2024-02-29T10:00:00Z"}},
         "phenotypicFeatures": [{"type": {"id": "HP:0034282"}, "onset": {"timestamp": "2016-05-01T00:00:00+01:00"}}],
         "measurements": [{"assay": {"id": "LOINC:2731-8"}, "value": {"quantity": {"unit": {"id": "UCUM:pg/mL"}, "value": 40}},
                           "timeObserved": {"timestamp": "2020-03-31T00:00:00Z"}}]}
        """)
        let r = try packet.patientRecord()
        #expect(r.age == Age(years: 8, months: 10, days: 29))
        #expect(r.phenotypes.first?.onset == .age(Age(years: 1, months: 1)))
        #expect(r.onset == .age(Age(years: 1, months: 1)))
        #expect(r.labs.first?.ageAtMeasurement == Age(years: 5))
        var undated = packet
        undated.subject?.dateOfBirth = nil
        #expect(try undated.patientRecord().age == nil)
    }

    @Test(arguments: [("P1YT12H", Age(years: 1)), ("PT36H", Age()), ("P2W3DT1H30M0.5S", Age(weeks: 2, days: 3)), ("P4M", Age(months: 4))])
    func readsDurationsWithATimePart(_ text: String, _ age: Age) {
        #expect(Duration.age(text) == age)
    }

    @Test(arguments: ["PT", "P1YT", "P1YTH", "T12H", "P1Y2", "3Y"])
    func refusesMalformedDurations(_ text: String) {
        #expect(Duration.age(text) == nil)
    }

    @Test func refusesAnInvalidPhenopacket() {
        let packet = Phenopacket(id: "p", phenotypicFeatures: [.init(type: .init(id: "nonsense"))])
        #expect(throws: PhenopacketError.self) { try packet.patientRecord() }
    }

    static let sample = PatientRecord(
        id: "R-1", sex: .male, age: Age(years: 12, months: 3), onset: .age(Age(months: 8)),
        phenotypes: [
            PhenotypeObservation(term: .hpo(34282), onset: .age(Age(months: 8))),
            PhenotypeObservation(term: .hpo(11987), onset: .term(.hpo(11463)), severity: .hpo(12828),
                                 laterality: .hpo(12834), modifiers: [.hpo(31796)]),
            PhenotypeObservation(term: .hpo(3165), excluded: true),
            PhenotypeObservation(term: TermID(prefix: "HP", local: "6000071")),
            PhenotypeObservation(term: .hpo(11986)),
        ],
        labs: [
            LabResult(analyte: "LOINC:2731-8", value: 41.5, unit: "pg/mL", referenceLow: 15, referenceHigh: 65,
                      ageAtMeasurement: Age(years: 12)),
            LabResult(analyte: "LOINC:17861-6", value: 2.3, unit: "mmol/L"),
        ],
        variants: [
            VariantObservation(gene: "GNAS", hgvs: "NM_000516.7:c.565_568del", zygosity: "heterozygous",
                               origin: .paternal, acmgClass: "pathogenic"),
            VariantObservation(gene: "GNAS", hgvs: "NC_000020.11:g.58909000del", origin: .deNovo),
            VariantObservation(gene: "BMP2"),
        ],
        lesions: [
            Lesion(region: "forearm", side: .left, depth: .subcutis, age: Age(years: 3)),
            Lesion(id: "L2", region: "thigh", side: .bilateral, depth: .muscle, morphology: .webCrossingJoint),
            Lesion(region: "hand", depth: .dermis),
            Lesion(region: "posterior trunk", side: .right),
            Lesion(id: "L5", region: "anterior trunk", side: .midline, depth: .fascia, morphology: .plaque, age: Age(years: 4)),
            Lesion(region: "elbow", depth: .joint),
        ])

    @Test func recordRoundTripsThroughAPhenopacket() throws {
        let packet = Phenopacket(record: Self.sample, id: "R-1", created: Date(timeIntervalSince1970: 1_700_000_000))
        try packet.validate()
        let json = try packet.jsonData()
        let again = try Phenopacket.decode(from: json).patientRecord()
        #expect(again == Self.sample)
    }

    /// A lesion's term is recorded as an observed phenotype on import, so the engines see it.
    @Test func importedLesionsAlsoGiveTheirTerm() throws {
        let record = PatientRecord(id: "x", lesions: [Lesion(region: "foot", depth: .muscle)])
        let again = try Phenopacket(record: record, id: "x").patientRecord()
        #expect(again.lesions == record.lesions)
        #expect(again.observedTerms == [.hpo(11987)])
    }

    @Test func aLaterFeatureTakesThePlaceOfALesionsImpliedTerm() throws {
        let packet = try Fixtures.decode("""
        {"id": "p", "phenotypicFeatures": [
          {"type": {"id": "HP:0034282"}, "modifiers": [{"id": "UBERON:0002386"}], "onset": {"age": {"iso8601duration": "P2Y"}}},
          {"type": {"id": "HP:0034282"}, "severity": {"id": "HP:0012828"}}]}
        """)
        let r = try packet.patientRecord()
        #expect(r.lesions == [Lesion(region: "forearm", age: Age(years: 2))])
        #expect(r.phenotypes == [PhenotypeObservation(term: .hpo(34282), severity: .hpo(12828))])
        #expect(r.onset == .age(Age(years: 2)))
    }

    /// 500 generated records: each comes back whole from its phenopacket's JSON.
    @Test func generatedRecordsRoundTrip() throws {
        var generator = RandomRecords(seed: 20_260_101)
        for n in 0..<500 {
            let record = generator.record(id: "G-\(n)")
            let json = try Phenopacket(record: record, id: "G-\(n)").jsonData()
            let again = try Phenopacket.decode(from: json).patientRecord()
            #expect(again == record, "G-\(n)")
            if again != record { break }
        }
    }

    @Test func exportsLesionsAsFeaturesWithBodySites() throws {
        let packet = Phenopacket(record: Self.sample, id: "R-1")
        let lesionFeatures = Array(packet.phenotypicFeatures.suffix(6))
        let forearm = try #require(lesionFeatures.first)
        #expect(forearm.type?.id == "HP:0034282")
        #expect(forearm.modifiers.map(\.id) == ["UBERON:0002386", "UBERON:0002072", "HP:0012835"])
        #expect(forearm.onset == .age(iso8601duration: "P3Y"))
        #expect(forearm.description == "")
        #expect(lesionFeatures.map { $0.type?.id } == ["HP:0034282", "HP:0011987", "HP:6000071", "HP:0011986", "HP:0011986", "HP:0011986"])
        #expect(lesionFeatures[1].description == "Ossify lesion: id=L2; morphology=web crossing a joint")
        #expect(lesionFeatures[4].description == "Ossify lesion: id=L5; region=anterior trunk; morphology=plaque; side=midline")
        #expect(lesionFeatures[5].description == "Ossify lesion: region=elbow")
        #expect(lesionFeatures[5].modifiers.map(\.id) == ["UBERON:0000982"])
        let custom = Phenopacket(record: Self.sample, id: "R-1", lesionTerm: { _ in .hpo(25027) })
        #expect(custom.phenotypicFeatures.suffix(6).allSatisfy { $0.type?.id == "HP:0025027" })
    }

    @Test func exportsMetadataAndGenotype() throws {
        let packet = Phenopacket(record: Self.sample, id: "R-1", created: Date(timeIntervalSince1970: 0))
        #expect(packet.metaData?.created == "1970-01-01T00:00:00Z")
        #expect(packet.metaData?.phenopacketSchemaVersion == "2.0")
        #expect(packet.metaData?.resources.map(\.namespacePrefix) == ["GENO", "HGNC", "HP", "LOINC", "UBERON", "UCUM"])
        #expect(packet.subject?.id == "R-1")
        #expect(packet.diagnosisIDs.isEmpty)
        let genomic = packet.interpretations.first?.diagnosis?.genomicInterpretations ?? []
        #expect(genomic.count == 3)
        #expect(genomic[2].gene?.symbol == "BMP2")
        let descriptor = genomic[0].variantInterpretation?.variationDescriptor
        #expect(descriptor?.extensions == [.init(name: "parentOfOrigin", value: "paternal")])
        #expect(descriptor?.allelicState?.id == "GENO:0000135")
        #expect(descriptor?.geneContext?.valueId == "HGNC:4392")
        #expect(descriptor?.moleculeContext == .transcript)
    }

    @Test func labelsTermsWhenGivenLabels() {
        let labels = [TermID.hpo(34282): "Subcutaneous ossification", TermID.hpo(12834): "Right"]
        let packet = Phenopacket(record: Self.sample, id: "R-1", termLabel: { labels[$0] })
        #expect(packet.phenotypicFeatures[0].type?.label == "Subcutaneous ossification")
        #expect(packet.phenotypicFeatures[1].modifiers.first?.label == "Right")
        #expect(packet.phenotypicFeatures[1].type?.label == "")
    }

    @Test func leavesOutLabsWithoutAnAssayCode() {
        let record = PatientRecord(labs: [LabResult(analyte: "PTH", value: 40, unit: "pg/mL"),
                                          LabResult(analyte: "calcium", value: 2.3, unit: "mmol/L")])
        #expect(Phenopacket(record: record, id: "x").measurements.isEmpty)
        let coded = Phenopacket(record: record, id: "x", assayCode: { $0 == "PTH" ? TermID("LOINC:2731-8") : nil })
        #expect(coded.measurements.map { $0.assay?.id } == ["LOINC:2731-8"])
    }
}
