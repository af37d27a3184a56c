import Clinical
import Foundation
import Ontology
@testable import Phenopackets
import Testing

/// A lesion's extent (percent of its body region) travels as a measurement.
@Suite struct LesionExtentTests {
    /// One lesion seen at two visits (same id, two ages, two extents), one lesion without an id, one
    /// without an extent, on registry region codes (with hyphens) and chart names.
    static let record = PatientRecord(
        id: "X-1", sex: .female,
        // The terms the lesions imply are there already (with an onset: a bare observation of a
        // lesion's term is what an import adds, and the export leaves it out), so an import gives
        // the same record back.
        phenotypes: [PhenotypeObservation(term: .hpo(34282), onset: .age(Age(years: 4))),
                     PhenotypeObservation(term: .hpo(11986), onset: .age(Age(years: 6))),
                     PhenotypeObservation(term: .hpo(11987), onset: .age(Age(years: 8)))],
        lesions: [
            Lesion(id: "L1", region: "upper-arm", side: .left, depth: .subcutis, percentOfRegion: 12.5, age: Age(years: 4)),
            Lesion(id: "L1", region: "upper-arm", side: .left, depth: .fascia, percentOfRegion: 30, age: Age(years: 6)),
            Lesion(region: "thigh", side: .right, depth: .muscle, percentOfRegion: 100),
            Lesion(id: "L3", region: "forearm", side: .right),
        ])

    static func json(_ packet: Phenopacket) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: try packet.jsonData()) as? [String: Any])
    }

    @Test func eachExtentIsAMeasurementOfItsLesionsRegion() throws {
        let packet = Phenopacket(record: Self.record, id: "X-1")
        #expect(packet.measurements.count == 3)
        let first = packet.measurements[0]
        #expect(first.assay == Phenopacket.OntologyClass(id: "NCIT:C25157", label: "Body Surface Area"))
        guard case .quantity(let q)? = first.value else { Issue.record("no quantity"); return }
        #expect(q.value == 12.5)
        #expect(q.unit == Phenopacket.OntologyClass(id: "UCUM:%", label: "percent"))
        #expect(q.referenceRange == nil)
        #expect(first.timeObserved == .age(iso8601duration: "P4Y"))
        #expect(first.procedure?.code?.id == "NCIT:C20989")
        // The body site is the lesion feature's body-site modifier (the registry's code upper-arm is the chart's upper arm).
        #expect(first.procedure?.bodySite == Phenopacket.OntologyClass(id: "UBERON:0001460", label: "arm"))
        let feature = packet.phenotypicFeatures[3]
        #expect(feature.modifiers.contains(Phenopacket.OntologyClass(id: "UBERON:0001460", label: "arm")))
        #expect(first.description == "Ossify lesion extent: feature=phenotypicFeatures[3]; id=L1")
        #expect(packet.measurements[1].description == "Ossify lesion extent: feature=phenotypicFeatures[4]; id=L1")
        #expect(packet.measurements[1].timeObserved == .age(iso8601duration: "P6Y"))
        // A lesion without an id is named by its feature alone; one without an age has no time.
        #expect(packet.measurements[2].description == "Ossify lesion extent: feature=phenotypicFeatures[5]")
        #expect(packet.measurements[2].timeObserved == nil)
        #expect(packet.measurements[2].procedure?.bodySite?.id == "UBERON:0000376")
        // The metadata names the NCI Thesaurus and UCUM.
        let prefixes = packet.metaData?.resources.map(\.namespacePrefix) ?? []
        #expect(prefixes.contains("NCIT") && prefixes.contains("UCUM") && prefixes.contains("UBERON"))
        #expect(packet.metaData?.resources.first { $0.namespacePrefix == "NCIT" }?.iriPrefix == "http://purl.obolibrary.org/obo/NCIT_")
    }

    @Test func extentsRoundTripThroughJSON() throws {
        let packet = Phenopacket(record: Self.record, id: "X-1")
        let back = try Phenopacket.decode(from: try packet.jsonData()).patientRecord()
        #expect(back.lesions.map(\.percentOfRegion) == [12.5, 30, 100, nil])
        #expect(back.lesions.map(\.id) == ["L1", "L1", nil, "L3"])
        #expect(back.lesions.map(\.region) == Self.record.lesions.map(\.region))
        #expect(back.labs.isEmpty, "an extent is not a lab")
        // And a second export writes the same measurements.
        #expect(Phenopacket(record: back, id: "X-1").measurements == packet.measurements)
    }

    /// The exported phenopacket with the first extent measurement's JSON changed by `edit`.
    static func edited(_ edit: (inout [String: Any]) -> Void) throws -> Phenopacket {
        var object = try json(Phenopacket(record: record, id: "X-1"))
        var measurements = try #require(object["measurements"] as? [[String: Any]])
        edit(&measurements[0])
        object["measurements"] = measurements
        return try Phenopacket.decode(from: try JSONSerialization.data(withJSONObject: object))
    }

    static func quantity(_ value: Any, unit: String = "UCUM:%") -> [String: Any] {
        ["quantity": ["unit": ["id": unit, "label": "percent"], "value": value]]
    }

    @Test(arguments: [120.0, -0.5, 100.01])
    func refusesAnExtentOutsideZeroToHundred(_ value: Double) throws {
        let packet = try Self.edited { $0["value"] = Self.quantity(value) }
        #expect(throws: PhenopacketError.self) { try packet.patientRecord() }
        do {
            _ = try packet.patientRecord()
        } catch {
            #expect(error.issues == [.init(path: "measurements[0].value.quantity.value",
                                           problem: .outOfRange(allowed: "0 to 100 percent of the body region"))])
            #expect(!error.description.contains(String(value)), "the value is not repeated")
        }
    }

    @Test func refusesAnExtentThatIsNotAPercentOrNamesNoLesion() throws {
        func issues(_ edit: (inout [String: Any]) -> Void) throws -> [PhenopacketError.Issue] {
            let packet = try Self.edited(edit)
            do {
                _ = try packet.patientRecord()
                return []
            } catch {
                return error.issues
            }
        }
        #expect(try issues { $0["value"] = Self.quantity(2, unit: "UCUM:cm2") }.map(\.path) == ["measurements[0].value.quantity.unit"])
        #expect(try issues { $0["value"] = ["ontologyClass": ["id": "NCIT:C25157"]] }.map(\.path) == ["measurements[0].value"])
        let unknownFeature = try issues { $0["description"] = "Ossify lesion extent: feature=phenotypicFeatures[0]; id=L1" }
        #expect(unknownFeature.map(\.path) == ["measurements[0].description"], "feature 0 is a phenotype, not a lesion")
        let otherID = try issues { $0["description"] = "Ossify lesion extent: feature=phenotypicFeatures[3]; id=L3" }
        #expect(otherID.map(\.path) == ["measurements[0].description"])
        let ambiguous = try issues { $0["description"] = "Ossify lesion extent: id=L1" }
        #expect(ambiguous.map(\.path) == ["measurements[0].description"], "L1 is seen twice: the id alone is not enough")
        let twice = try issues { $0["description"] = "Ossify lesion extent: feature=phenotypicFeatures[4]; id=L1" }
        #expect(twice.map(\.path) == ["measurements[1].description"])
        // An id that one lesion has is enough.
        let byID = try Self.edited { $0["description"] = "Ossify lesion extent: id=L3" }.patientRecord()
        #expect(byID.lesions.map(\.percentOfRegion) == [nil, 30, 100, 12.5])
    }

    @Test func otherMeasurementsAreLeftAlone() throws {
        let packet = try Self.edited { $0["description"] = "" }
        let record = try packet.patientRecord()
        #expect(record.lesions.map(\.percentOfRegion) == [nil, 30, 100, nil])
        #expect(record.labs.isEmpty)
    }

    @Test(.enabled(if: ReferenceImplementationTests.referenceAvailable, Comment(rawValue: ReferenceImplementationTests.skipNote)))
    func theReferenceImplementationReadsTheExtents() throws {
        let data = try Phenopacket(record: Self.record, id: "X-1").jsonData()
        let result = try #require(ReferenceImplementationTests.python(ReferenceImplementationTests.parseOne, input: data))
        #expect(result.status == 0, "\(result.output)")
    }
}
