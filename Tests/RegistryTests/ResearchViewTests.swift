import Clinical
import FoundationEssentials
@testable import Registry
import Testing

/// The researcher's view is an allow-list: every field of the pseudonymised record is on
/// `ResearchAllowList`, and text typed into fields that hold codes (a name and a birth date in a
/// gene, a unit, a label) never reaches a researcher, in the record's JSON or its phenopacket.
@Suite("The researcher's view admits only listed, code-shaped fields")
struct ResearchViewTests {
    static let hostile = "John Smith 1980-01-01"

    @Test(arguments: Backend.available)
    func freeTextNeverReachesResearchers(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        var fields = PatientFields(pseudonym: unique("P"), birthDate: "2015-03-10", sex: .female)
        fields.notes = Self.hostile
        // The door refuses text in a field that holds a code, naming each field.
        var coded = fields
        coded.geneticGene = Self.hostile
        coded.geneticHgvs = Self.hostile
        coded.icfScore = Self.hostile
        await #expect(throws: RegistryError.self) { try await f.store.create(coded, parent: f.site.id, by: f.clinician) }
        #expect(Set(coded.problems().map(\.field)) == ["geneticGene", "geneticHgvs", "icfScore"])
        #expect(Set(MeasurementFields(loinc: "8302-2", value: 1, unit: Self.hostile, bodySite: Self.hostile).problems().map(\.field))
                == ["unit", "bodySite"])
        #expect(VariantFields(gene: Self.hostile, hgvs: nil).problems().map(\.field).contains("gene"))

        let p = try await f.store.create(fields, parent: f.site.id, by: f.clinician)
        let v = try await f.store.create(VisitFields(date: "2024-01-01", notes: Self.hostile), parent: p.id, by: f.clinician)
        let m = try await f.store.create(MeasurementFields(loinc: "8302-2", name: Self.hostile, value: 131.5, unit: "cm",
                                                           bodySite: "lower-leg"), parent: v.id, by: f.clinician)
        let variant = try await f.store.create(VariantFields(gene: "GNAS", hgvs: "NM_000516.7:c.565C>T", label: Self.hostile),
                                               parent: v.id, by: f.clinician)
        _ = try await f.store.create(DiagnosisFields(code: "ORPHA:2762", label: Self.hostile, status: .confirmed), parent: v.id, by: f.clinician)
        _ = try await f.store.create(LesionFields(lesionId: "L1", region: "forearm", side: .left, notes: Self.hostile),
                                     parent: v.id, by: f.clinician)
        _ = try await f.store.create(ProcedureFields(kind: .excision, date: "2024-01-01", lesionId: "L1", outcome: Self.hostile),
                                     parent: v.id, by: f.clinician)
        // Records written before the door checked codes may still hold such text: the view drops it.
        try await f.store.database.write([
            SQLQuery("UPDATE patients SET genetic_gene = ?, genetic_hgvs = ?, icf_score = ? WHERE id = ?",
                     [.text(Self.hostile), .text(Self.hostile), .text(Self.hostile), .integer(p.id)]),
            SQLQuery("UPDATE measurements SET unit = ?, body_site = ? WHERE id = ?", [.text(Self.hostile), .text(Self.hostile), .integer(m.id)]),
            SQLQuery("UPDATE variants SET gene = ? WHERE id = ?", [.text(Self.hostile), .integer(variant.id)]),
        ])

        let document = try await f.store.document(patient: p.id, by: f.researcher)
        let json = document.json(.pseudonymised)
        #expect(!json.jsonText.contains("Smith") && !json.jsonText.contains("1980"))
        let record = document.patientRecord(view: .pseudonymised)
        let recordText = String(describing: record)
        #expect(!recordText.contains("Smith") && !recordText.contains("1980"))
        // What a researcher still gets: the coded fields.
        #expect(json.jsonText.contains("NM_000516.7:c.565C>T") && json.jsonText.contains("ORPHA:2762") && json.jsonText.contains("forearm"))

        // Every field shown is on the allow-list, for every kind of record.
        func check(_ value: JSONValue?, _ entity: EntityKind) {
            guard case .object(let object)? = value else { return }
            let listed = ResearchAllowList.fields[entity] ?? [:]
            for key in object.keys { #expect(listed[key] != nil, "\(entity.rawValue).\(key) is not on the allow-list") }
        }
        check(json["patient"], .patient)
        guard case .array(let visits)? = json["visits"] else { Issue.record("no visits"); return }
        let parts: [(String, EntityKind)] = [("phenotypicFeatures", .phenotypicFeature), ("measurements", .measurement),
                                             ("lesions", .lesion), ("jointInvolvements", .jointInvolvement),
                                             ("procedures", .procedure), ("variants", .variant), ("diagnoses", .diagnosis)]
        for visit in visits {
            guard case .object(var object) = visit else { continue }
            for (key, entity) in parts {
                if case .array(let items)? = object[key] { items.forEach { check($0, entity) } }
                object[key] = nil
            }
            check(.object(object), .visit)
        }
        await f.close()
    }

    @Test("without the patient's date offset, dates are dropped, never shown unshifted")
    func missingPrivacyFailsClosed() throws {
        let stored = Stored(id: 7, parentID: 1, version: 1, createdAt: "", updatedAt: "", fields: VisitFields(date: "2024-05-06"))
        let hasher = try #require(IDHasher(base64Key: "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="))
        let view = stored.pseudonymised(patient: nil, hasher: hasher, today: nil)
        #expect(view["date"] == nil)
        #expect(view["id"]?.stringValue?.count == 20)
    }
}
