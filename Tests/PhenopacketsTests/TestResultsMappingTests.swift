import Clinical
import Foundation
import Ontology
import Testing
@testable import Phenopackets

/// GNAS, methylation, ACVR1, Gs-alpha activity, lesion imaging and flare-up results in a phenopacket.
@Suite struct TestResultsMappingTests {
    static let all = TestResults(gnasSequencing: .negative, gnasMethylation: .lossAB, acvr1: .negative,
                                 gsAlphaActivity: .reduced, lesionImaging: .calcification, flareUps: false)

    @Test func roundTripsThroughAPhenopacket() throws {
        let record = PatientRecord(id: "p1", sex: .female, age: Age(years: 9), tests: Self.all)
        let packet = Phenopacket(record: record, id: "p1")
        let rejected = packet.interpretations.flatMap { $0.diagnosis?.genomicInterpretations ?? [] }.filter { $0.interpretationStatus == .rejected }
        #expect(Set(rejected.compactMap { $0.gene?.symbol }) == ["GNAS", "ACVR1"])
        #expect(packet.measurements.contains { $0.description == "Ossify test: gnas-methylation=loss-AB" })
        let back = try Phenopacket.decode(from: try packet.jsonData()).patientRecord()
        #expect(back.tests == Self.all)
        #expect(back.variants.isEmpty) // a negative test is no variant
    }

    @Test func notDoneAndVariantTravelAsMeasurements() throws {
        let t = TestResults(gnasSequencing: .notDone, acvr1: .variant, flareUps: true)
        let back = try Phenopacket.decode(from: try Phenopacket(record: PatientRecord(id: "p2", tests: t), id: "p2").jsonData()).patientRecord()
        #expect(back.tests == t)
    }

    @Test func unknownNamesAndValuesAreRefusedWithTheirPath() throws {
        var packet = Phenopacket(record: PatientRecord(id: "p3", tests: TestResults(gsAlphaActivity: .normal)), id: "p3")
        packet.measurements[0].description = "Ossify test: gs-alpha-activity=halved"
        #expect(throws: PhenopacketError.self) { try packet.patientRecord() }
        do { _ = try packet.patientRecord() } catch {
            #expect(error.issues.first?.path == "measurements[0].description")
            #expect(!error.description.contains("halved"))
        }
        packet.measurements[0].description = "Ossify test: colour=blue"
        #expect(throws: PhenopacketError.self) { try packet.patientRecord() }
    }
}
