import Foundation
import Testing
import Clinical
import Ontology
import Phenopackets

@Suite struct StructuralVariantTests {
    @Test func aStructuralVariantSurvivesExportAndImport() throws {
        let variant = VariantObservation(zygosity: "heterozygous", structuralType: TermID("SO:1000029"), label: "telomeric 11q deletion")
        let record = PatientRecord(id: "syn-sv", sex: .female, phenotypes: [.init(term: .hpo(1263))], variants: [variant])
        let packet = Phenopacket(record: record, id: "syn-sv")
        let back = try Phenopacket.decode(from: try packet.jsonData()).patientRecord()
        #expect(back.variants == [variant])
    }
}
