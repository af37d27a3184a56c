import Testing
import Ontology
import TestSupport

@Suite struct HPOAParserTests {
    @Test func parsesEveryColumnAndFrequencyForm() throws {
        let doc = try HPOAParser.parse(Array(Fixture.hpoa.utf8), file: "fixture.hpoa")
        #expect(doc.version == "fixture-1")
        #expect(doc.diseases.map(\.id.description) == ["OMIM:1", "OMIM:2", "OMIM:3", "OMIM:4", "ORPHA:9"])
        #expect(doc.annotations.count == 9)
        let ratio = doc.annotations[0]
        #expect(ratio.frequency == .ratio(1, 2) && ratio.frequency?.value == 0.5 && ratio.aspect == .phenotype)
        #expect(doc.annotations[1].frequency == .term(.hpo(40281)) && doc.annotations[1].frequency?.value == 0.895)
        #expect(doc.annotations[4].negated)
        #expect(doc.annotations[5].aspect == .inheritance)
        let percent = doc.annotations[6]
        #expect(percent.frequency == .percent(50) && percent.references == ["PMID:3", "PMID:4"])
        #expect(doc.annotations[3].frequency == nil)
    }

    @Test(arguments: [
        ("OMIM:1\tx\t\tHP:0000001\tr\tPCS\t\t3/2\t\t\tP\tb", "frequency"),
        ("OMIM:1\tx\t\tHP:0000001\tr\tPCS\t\t120%\t\t\tP\tb", "frequency"),
        ("OMIM:1\tx\t\tHP:0000001\tr\tPCS\t\tHP:0000001\t\t\tP\tb", "frequency"),
        ("OMIM:1\tx\tMAYBE\tHP:0000001\tr\tPCS\t\t\t\t\tP\tb", "qualifier"),
        ("OMIM:1\tx\t\tNOTANID\tr\tPCS\t\t\t\t\tP\tb", "hpo_id"),
        ("OMIM:1\tx\t\tHP:0000001\tr\tPCS\t\t\tUNKNOWN\t\tP\tb", "sex"),
        ("OMIM:1\tx\t\tHP:0000001\tr\tPCS\t\t\t\t\tQ\tb", "aspect"),
        ("OMIM:1\tx\t\tHP:0000001", nil),
    ])
    func brokenLinesNameLineAndField(_ line: String, field: String?) {
        let text = "database_id\tdisease_name\tqualifier\thpo_id\treference\tevidence\tonset\tfrequency\tsex\tmodifier\taspect\tbiocuration\n" + line + "\n"
        #expect {
            _ = try HPOAParser.parse(Array(text.utf8), file: "broken.hpoa")
        } throws: { error in
            guard let e = error as? DataFileError else { return false }
            return e.file == "broken.hpoa" && e.line == 2 && e.field == field
        }
    }

    @Test func geneParserFoldsRowsIntoLinks() throws {
        let links = try GeneDiseaseParser.parse(Array(Fixture.genes.utf8), file: "g.txt")
        #expect(links.map(\.disease.description) == ["OMIM:1", "OMIM:2"])
        #expect(links.allSatisfy { $0.gene == Gene(ncbiID: 11, symbol: "G1") })
        #expect(throws: DataFileError.self) {
            _ = try GeneDiseaseParser.parse(Array("ncbi_gene_id\tgene_symbol\thpo_id\thpo_name\tfrequency\tdisease_id\nx\tG\tHP:1\tn\t-\tOMIM:1\n".utf8), file: "g.txt")
        }
    }
}
