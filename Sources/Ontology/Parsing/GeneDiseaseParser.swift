/// A gene linked to a disease.
public struct GeneDiseaseLink: Hashable, Sendable, Codable {
    public var gene: Gene
    public var disease: TermID
}

/// Reads the gene-disease pairs of genes_to_phenotype.txt (columns ncbi_gene_id, gene_symbol,
/// hpo_id, hpo_name, frequency, disease_id). The per-gene phenotype rows are folded into unique
/// gene-disease links, in file order.
public enum GeneDiseaseParser {
    static let columns = ["ncbi_gene_id", "gene_symbol", "hpo_id", "hpo_name", "frequency", "disease_id"]

    public static func parse(_ bytes: [UInt8], file: String) throws(DataFileError) -> [GeneDiseaseLink] {
        var links: [GeneDiseaseLink] = []
        var seen = Set<GeneDiseaseLink>()
        var sawHeader = false
        for line in TextLines(bytes: bytes) {
            let r = line.range
            if r.isEmpty || bytes[r.lowerBound] == UInt8(ascii: "#") { continue }
            let f = bytes.tabFields(r)
            if !sawHeader {
                sawHeader = true
                if bytes.hasPrefix("ncbi_gene_id", in: r) {
                    guard f.map({ bytes.string($0) }) == columns else {
                        throw DataFileError(file: file, line: line.number, field: nil,
                                            reason: "unexpected header; expected \(columns.joined(separator: ", "))")
                    }
                    continue
                }
            }
            guard f.count == 6 else {
                throw DataFileError(file: file, line: line.number, field: nil, reason: "expected 6 tab-separated columns, found \(f.count)")
            }
            let idText = bytes.string(f[0])
            guard let ncbi = Int(idText), ncbi > 0 else {
                throw DataFileError(file: file, line: line.number, field: "ncbi_gene_id", reason: "'\(idText)' is not an NCBI gene number")
            }
            let symbol = bytes.string(f[1])
            guard !symbol.isEmpty else { throw DataFileError(file: file, line: line.number, field: "gene_symbol", reason: "empty gene symbol") }
            let diseaseText = bytes.string(f[5])
            guard let disease = TermID(diseaseText) else {
                throw DataFileError(file: file, line: line.number, field: "disease_id", reason: "'\(diseaseText)' is not a disease id")
            }
            let link = GeneDiseaseLink(gene: Gene(ncbiID: ncbi, symbol: symbol), disease: disease)
            if seen.insert(link).inserted { links.append(link) }
        }
        return links
    }
}
