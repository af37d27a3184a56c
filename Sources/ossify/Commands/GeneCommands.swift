import ArgumentParser
import Ontology

struct DiseasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diseases", abstract: "List the diseases associated with a gene (genes_to_phenotype).")

    @Option(help: "An HGNC gene symbol, e.g. GNAS.")
    var gene: String

    @Flag(help: "Print JSON.")
    var json = false

    struct Row: Encodable { var id: String; var name: String }

    func run() throws {
        let kb = try loadKnowledgeBase()
        guard let g = kb.geneIndex[gene] ?? kb.geneIndex[gene.uppercased()] else {
            throw CLIFailure("gene '\(gene)' has no disease in HPO \(kb.release.hpoVersion) (use the HGNC symbol, e.g. GNAS)")
        }
        let rows = kb.diseasesOfGene[Int(g)].map { Row(id: kb.diseases[Int($0)].id.description, name: kb.diseases[Int($0)].name) }
            .sorted { $0.id < $1.id }
        if json { return try printJSON(rows) }
        print("\(kb.genes[Int(g)].symbol) (NCBI Gene \(kb.genes[Int(g)].ncbiID)): \(rows.count) diseases")
        for r in rows { print("  \(r.id)  \(r.name)") }
    }
}

struct GenesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "genes", abstract: "List the genes associated with a disease (genes_to_phenotype).")

    @Argument(help: "A disease id, e.g. OMIM:103580.")
    var disease: String

    @Flag(help: "Print JSON.")
    var json = false

    struct Row: Encodable { var symbol: String; var ncbiGene: Int }

    func run() throws {
        let kb = try loadKnowledgeBase()
        guard let id = TermID(disease), let d = kb.diseaseIndex[id] ?? kb.diseaseIndex[TermID(prefix: id.prefix.uppercased(), local: id.local)] else {
            throw CLIFailure("'\(disease)' is not a disease of the HPO annotations (ids look like OMIM:103580 or ORPHA:2762)")
        }
        let rows = kb.genesOfDisease[Int(d)].map { Row(symbol: kb.genes[Int($0)].symbol, ncbiGene: kb.genes[Int($0)].ncbiID) }
        if json { return try printJSON(rows) }
        print("\(kb.diseases[Int(d)].id)  \(kb.diseases[Int(d)].name): \(rows.count) gene\(rows.count == 1 ? "" : "s")")
        for r in rows { print("  \(r.symbol)  (NCBI Gene \(r.ncbiGene))") }
    }
}
