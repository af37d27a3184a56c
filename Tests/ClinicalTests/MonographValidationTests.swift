import Foundation
import Testing
@testable import Clinical

/// Broken monograph files: each problem is reported with the file and the field's path.
@Suite struct MonographValidationTests {
    /// poh.json as a JSON object, to break.
    func poh() throws -> [String: Any] {
        let data = try Data(contentsOf: Repo.monographs.appendingPathComponent("poh.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func errors(_ object: [String: Any], file: String = "poh.json") throws -> [MonographError] {
        try errors(JSONSerialization.data(withJSONObject: object), file: file)
    }

    func errors(_ data: Data, file: String = "poh.json") throws -> [MonographError] {
        let dir = try scratchMonographFolder([file: data])
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            _ = try MonographCatalog.load(from: dir)
            return []
        } catch {
            return error.errors
        }
    }

    /// Replaces the item at `index` of list `field` using `change`.
    func changing(_ field: String, at index: Int, _ object: [String: Any], _ change: (inout [String: Any]) -> Void) throws -> [String: Any] {
        var o = object
        var list = try #require(o[field] as? [[String: Any]])
        change(&list[index])
        o[field] = list
        return o
    }

    @Test func theShippedFileIsValid() throws {
        #expect(try errors(poh()) == [])
    }

    @Test func unknownTopLevelKey() throws {
        var o = try poh()
        o["tratment"] = []
        let e = try errors(o)
        #expect(e.count == 1)
        #expect(e.first?.file == "poh.json")
        #expect(e.first?.path == "tratment")
        #expect(e.first?.reason.contains("unknown key") == true)
    }

    @Test func unknownNestedKey() throws {
        let o = try changing("clinicalFeatures", at: 2, poh()) { $0["source"] = ["S1"] }
        #expect(try errors(o).map(\.path) == ["clinicalFeatures[2].source"])
    }

    @Test func missingRequiredField() throws {
        var o = try poh()
        o.removeValue(forKey: "name")
        let e = try errors(o)
        #expect(e.map(\.path) == ["name"])
        #expect(e.first?.reason == "required field is missing")
        #expect(e.first?.description == "poh.json: name: required field is missing")
    }

    @Test func factWithoutSources() throws {
        let o = try changing("clinicalFeatures", at: 1, poh()) { $0.removeValue(forKey: "sources") }
        #expect(try errors(o).map(\.path) == ["clinicalFeatures[1].sources"])
    }

    @Test func factWithEmptySources() throws {
        let o = try changing("treatment", at: 0, poh()) { $0["sources"] = [String]() }
        let e = try errors(o)
        #expect(e.map(\.path) == ["treatment[0].sources"])
        #expect(e.first?.reason == "no source given")
    }

    @Test func unknownSourceKey() throws {
        let o = try changing("description", at: 0, poh()) { $0["sources"] = ["S5", "S99"] }
        let e = try errors(o)
        #expect(e.map(\.path) == ["description[0].sources[1]"])
        #expect(e.first?.reason.contains("S99") == true)
    }

    @Test func unconfirmedWithoutNote() throws {
        let o = try changing("classifications", at: 1, poh()) { $0.removeValue(forKey: "note") }
        #expect(try errors(o).map(\.path) == ["classifications[1].note"])
    }

    @Test(arguments: [
        ("OMIM:16635", "identifiers[0].value"), ("ORPHA:27x62", "identifiers[0].value"),
        ("OMIM166350", "identifiers[0].value"), ("DOID:1234", "identifiers[0].value"),
    ])
    func badDiseaseID(_ id: String, _ path: String) throws {
        let o = try changing("identifiers", at: 0, poh()) { $0["value"] = id }
        let e = try errors(o)
        #expect(e.map(\.path) == [path], "\(id): \(e)")
        #expect(e.first?.file == "poh.json")
    }

    @Test func badHPOID() throws {
        let o = try changing("clinicalFeatures", at: 0, poh()) { f in
            f["value"] = ["label": "Osteoma cutis", "hpo": "HP:25027"]
        }
        let e = try errors(o)
        #expect(e.map(\.path) == ["clinicalFeatures[0].value.hpo"])
        #expect(e.first?.reason.contains("not an HPO id") == true)
    }

    @Test func wrongType() throws {
        var o = try poh()
        o["treatment"] = "none"
        let e = try errors(o)
        #expect(e.map(\.path) == ["treatment"])
        #expect(e.first?.reason.contains("wrong type") == true)
    }

    @Test func unknownNeighbour() throws {
        let o = try changing("differentials", at: 0, poh()) { d in
            d["value"] = ["neighbour": "osteoma", "point": "x"]
        }
        #expect(try errors(o).map(\.path) == ["differentials[0].value.neighbour"])
    }

    @Test func keyMustMatchTheFileName() throws {
        let e = try errors(poh(), file: "poh2.json")
        #expect(e.contains { $0.file == "poh2.json" && $0.path == "key" })
        #expect(e.contains { $0.reason.contains("also used") }, "the copy's ids clash with poh.json")
    }

    @Test func invalidJSON() throws {
        let e = try errors(Data("{\"key\": \"poh\",".utf8))
        #expect(e.map(\.file) == ["poh.json"])
        #expect(e.first?.reason == "not valid JSON")
    }

    @Test func duplicateIDsAcrossFiles() throws {
        var other = try poh()
        other["key"] = "poh-copy"
        let dir = try scratchMonographFolder(["poh-copy.json": try JSONSerialization.data(withJSONObject: other)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let error = #expect(throws: MonographLoadError.self) { try MonographCatalog.load(from: dir) }
        #expect(error?.errors.contains { $0.path == "identifiers[0].value" && $0.reason.contains("also used") } == true)
    }
}
