import Testing
@testable import Ontology
import TestSupport

@Suite struct OBOParserTests {
    @Test func parsesEveryTagOfTheFixture() throws {
        let doc = try OBOParser.parse(Array(Fixture.obo.utf8), file: "fixture.obo")
        #expect(doc.dataVersion == "hp/releases/fixture")
        #expect(doc.terms.count == 12)
        let a = try #require(doc.terms.first { $0.id == .hpo(100) })
        #expect(a.definition == "A made-up \"quoted\" abnormality.")
        #expect(a.synonyms == [Synonym(text: "Alpha-type anomaly", scope: .exact, type: "layperson")])
        #expect(a.parents == [.hpo(118)])
        let c = try #require(doc.terms.first { $0.id == .hpo(300) })
        #expect(c.altIDs == [.hpo(301)])
        #expect(c.xrefs == ["UMLS:C0000001"])
        #expect(c.synonyms.first?.scope == .related)
        let old = try #require(doc.terms.first { $0.id == .hpo(700) })
        #expect(old.isObsolete && old.replacedBy == .hpo(300))
        // Trailing "! comment" is not part of the parent id.
        #expect(doc.terms.first { $0.id == .hpo(118) }?.parents == [.hpo(1)])
    }

    @Test(arguments: [
        ("[Term]\nname: no id\n", 2, "'name' comes before the stanza's id"),
        ("[Term]\nid: HP:1\nname: x\nis_a: nonsense\n", 4, "is not a term id"),
        ("[Term]\nid: HP:1\nname: x\nsynonym: \"s\" SIDEWAYS []\n", 4, "scope must be EXACT"),
        ("[Term]\nid: HP:1\nname: x\ndef: unquoted\n", 4, "quoted string"),
        ("[Term]\nid: HP:1\nname: x\n\n[Term]\nid: HP:1\nname: y\n", 6, "defined twice"),
        ("[Term]\nid: HP:1\nname: x\nis_obsolete: maybe\n", 4, "true or false"),
        ("[Term]\nid: HP:1\nname: x\nthis line has no colon\n", 4, "expected 'tag: value'"),
        ("[Term]\nid: HP:1\n\n[Term]\nid: HP:2\nname: y\n", 1, "has no name"),
    ])
    func brokenInputNamesFileLineAndReason(_ text: String, line: Int, reason: String) {
        #expect {
            _ = try OBOParser.parse(Array(text.utf8), file: "broken.obo")
        } throws: { error in
            guard let e = error as? DataFileError else { return false }
            return e.file == "broken.obo" && e.line == line && e.description.contains(reason)
        }
    }

    @Test func isACycleIsAnError() throws {
        let text = "[Term]\nid: HP:1\nname: a\nis_a: HP:2\n\n[Term]\nid: HP:2\nname: b\nis_a: HP:1\n"
        let obo = try OBOParser.parse(Array(text.utf8), file: "cycle.obo")
        #expect(throws: DataFileError.self) {
            _ = try KnowledgeBase.build(obo: obo, hpoa: HPOADocument(version: nil, diseases: [], annotations: []),
                                        genes: [], checksum: "", source: "")
        }
    }
}
