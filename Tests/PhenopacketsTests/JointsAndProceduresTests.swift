import Clinical
import Foundation
import Ontology
@testable import Phenopackets
import Testing

/// Scored joints travel as phenotypic features, procedures as medical actions, the subject's own
/// disease codes as `diseases` entries; each is read back, and a malformed one is refused by path.
@Suite struct JointsAndProceduresTests {
    static let record = PatientRecord(
        id: "J-1", sex: .male,
        labs: [LabResult(analyte: "LOINC:8302-2", value: 24.5, unit: "cm", ageAtMeasurement: Age(years: 9),
                         bodySite: "lower-leg", side: .left)],
        lesions: [Lesion(id: "L1", region: "forearm", side: .right, age: Age(years: 8), surface: .posterior, imaging: .radiograph)],
        joints: [JointInvolvement(joint: .elbow, side: .right, score: 2, age: Age(years: 9)),
                 JointInvolvement(joint: .spine, score: 0, age: Age(years: 9))],
        procedures: [ProcedureObservation(kind: .excision, date: "2020-05-02", lesionID: "L1", recurrence: true, recurrenceDate: "2021-02-01"),
                     ProcedureObservation(kind: .biopsy, date: "2019-01-10", recurrence: false)])

    @Test func jointsAreFeaturesWithTheirJointAndScore() throws {
        let packet = Phenopacket(record: Self.record, id: "J-1")
        let joints = packet.phenotypicFeatures.filter { $0.description.hasPrefix("Ossify joint:") }
        #expect(joints.map { $0.type?.id } == ["HP:0031013", "HP:0001376"])
        #expect(joints.map(\.excluded) == [false, true])
        #expect(joints[0].modifiers.map(\.id) == ["UBERON:0001490", "HP:0012834"])
        #expect(joints[0].description == "Ossify joint: joint=elbow; side=right; score=2")
        #expect(joints[0].onset == .age(iso8601duration: "P9Y"))
        #expect(joints[1].modifiers.isEmpty)
    }

    @Test func proceduresAreMedicalActionsWithTheirNotes() throws {
        let packet = Phenopacket(record: Self.record, id: "J-1")
        #expect(packet.medicalActions.map { $0.procedure?.code?.id } == ["OSSIFY:excision", "NCIT:C15189"])
        let excision = try #require(packet.medicalActions.first)
        #expect(excision.procedure?.bodySite?.id == "UBERON:0002386")
        #expect(excision.procedure?.performed == .timestamp("2020-05-02T00:00:00Z"))
        #expect(excision.treatmentTarget?.id == "HP:0011986")
        #expect(excision.responseToTreatment?.id == "NCIT:C38155")
        #expect(packet.medicalActions[1].responseToTreatment == nil)
        #expect(packet.metaData?.externalReferences.map(\.reference) == ["medicalActions[0]", "medicalActions[1]"])
        #expect(packet.metaData?.externalReferences.first?.description
                == "Ossify procedure: lesion=L1; recurrence=yes; recurrenceDate=2021-02-01")
        #expect(packet.metaData?.resources.contains { $0.namespacePrefix == "NCIT" } == true)
    }

    @Test func theRecordComesBackFromItsJSON() throws {
        let json = try Phenopacket(record: Self.record, id: "J-1").jsonData()
        let again = try Phenopacket.decode(from: json).patientRecord()
        #expect(again.joints == Self.record.joints)
        #expect(again.procedures == Self.record.procedures)
        #expect(again.labs == Self.record.labs)
        #expect(again.lesions == Self.record.lesions)
        // A joint is not a phenotype for the engines.
        #expect(!again.phenotypes.contains { $0.term == .hpo(31013) || $0.term == .hpo(1376) })
    }

    @Test func subjectDiseaseCodesAreDiseasesEntriesAndNotStatedDiagnoses() throws {
        var packet = Phenopacket(record: Self.record, id: "J-1")
        packet.state([StatedDiagnosis(code: "OMIM:166350", status: .confirmed), StatedDiagnosis(code: "OMIM:135100", status: .excluded)],
                     subjectDiseaseCodes: ["ORPHA:2762", "OMIM:166350", "free text"])
        #expect(packet.diseases.map { $0.term?.id } == ["OMIM:135100", "ORPHA:2762", "OMIM:166350"])
        let again = try Phenopacket.decode(from: try packet.jsonData())
        #expect(again.subjectDiseaseCodes == ["ORPHA:2762", "OMIM:166350"])
        #expect(again.statedDiagnoses == [StatedDiagnosis(code: "OMIM:166350", status: .confirmed),
                                          StatedDiagnosis(code: "OMIM:135100", status: .excluded)])
    }

    @Test func malformedNotesAndUndatedProceduresAreRefusedByPath() throws {
        var packet = Phenopacket(record: Self.record, id: "J-1")
        packet.phenotypicFeatures[packet.phenotypicFeatures.count - 1].description = "Ossify joint: joint=spine; score=3"
        packet.medicalActions[1].procedure?.performed = .age(iso8601duration: "P5Y")
        packet.metaData?.externalReferences[0].description = "Ossify procedure: lesion=L1; recurrence=maybe"
        packet.measurements[0].description = "Ossify measurement: site=lower-leg; side=up"
        #expect {
            try packet.patientRecord()
        } throws: { error in
            let paths = Set((error as? PhenopacketError)?.issues.map(\.path) ?? [])
            return paths == ["phenotypicFeatures[\(packet.phenotypicFeatures.count - 1)].description",
                             "medicalActions[1].procedure.performed", "metaData.externalReferences[0].description",
                             "measurements[0].description"]
        }
    }
}
