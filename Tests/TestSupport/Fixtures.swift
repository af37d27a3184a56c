public import Ontology

/// A small hand-made ontology and annotation set whose every count, information content and
/// likelihood ratio can be computed by hand:
///
///     HP:0000001 All
///     ├─ HP:0000118 Phenotypic abnormality
///     │  ├─ HP:0000100 A
///     │  │  ├─ HP:0000200 B
///     │  │  │  └─ HP:0000300 C (alt_id HP:0000301)
///     │  │  └─ HP:0000400 D
///     │  └─ HP:0000500 E
///     │     └─ HP:0000600 F
///     ├─ HP:0000005 Mode of inheritance
///     │  ├─ HP:0000006 Autosomal dominant inheritance
///     │  └─ HP:0000007 Autosomal recessive inheritance
///     └─ HP:0000700 (obsolete, replaced by HP:0000300)
///
/// OMIM:1: B 1/2, E very frequent (HP:0040281), autosomal dominant
/// OMIM:2: C (no frequency), NOT F, autosomal recessive
/// OMIM:3: D 50%
/// OMIM:4: F frequent (HP:0040282)
/// ORPHA:9: A
/// Gene G1 (NCBI 11): OMIM:1 and OMIM:2.
public enum Fixture {
    public static let obo = """
    format-version: 1.2
    data-version: hp/releases/fixture

    [Term]
    id: HP:0000001
    name: All

    [Term]
    id: HP:0000118
    name: Phenotypic abnormality
    is_a: HP:0000001 ! All

    [Term]
    id: HP:0000005
    name: Mode of inheritance
    is_a: HP:0000001

    [Term]
    id: HP:0000006
    name: Autosomal dominant inheritance
    is_a: HP:0000005

    [Term]
    id: HP:0000007
    name: Autosomal recessive inheritance
    is_a: HP:0000005

    [Term]
    id: HP:0000100
    name: Abnormality A
    def: "A made-up \\"quoted\\" abnormality." [PMID:1]
    synonym: "Alpha-type anomaly" EXACT layperson []
    is_a: HP:0000118

    [Term]
    id: HP:0000200
    name: Bony thing B
    is_a: HP:0000100

    [Term]
    id: HP:0000300
    name: Subcutaneous bony thing C
    alt_id: HP:0000301
    synonym: "C nodule" RELATED []
    is_a: HP:0000200
    xref: UMLS:C0000001

    [Term]
    id: HP:0000400
    name: D
    is_a: HP:0000100

    [Term]
    id: HP:0000500
    name: E
    is_a: HP:0000118

    [Term]
    id: HP:0000600
    name: F
    is_a: HP:0000500

    [Term]
    id: HP:0000700
    name: obsolete old C
    is_obsolete: true
    replaced_by: HP:0000300

    [Typedef]
    id: part_of
    name: part of
    """

    public static let hpoa = """
    #description: "fixture"
    #version: fixture-1
    database_id\tdisease_name\tqualifier\thpo_id\treference\tevidence\tonset\tfrequency\tsex\tmodifier\taspect\tbiocuration
    OMIM:1\tDisease one\t\tHP:0000200\tPMID:1\tPCS\t\t1/2\t\t\tP\tHPO:fixture
    OMIM:1\tDisease one\t\tHP:0000500\tPMID:1\tPCS\t\tHP:0040281\t\t\tP\tHPO:fixture
    OMIM:1\tDisease one\t\tHP:0000006\tPMID:1\tIEA\t\t\t\t\tI\tHPO:fixture
    OMIM:2\tDisease two\t\tHP:0000300\tOMIM:2\tIEA\t\t\t\t\tP\tHPO:fixture
    OMIM:2\tDisease two\tNOT\tHP:0000600\tOMIM:2\tIEA\t\t\t\t\tP\tHPO:fixture
    OMIM:2\tDisease two\t\tHP:0000007\tOMIM:2\tIEA\t\t\t\t\tI\tHPO:fixture
    OMIM:3\tDisease three\t\tHP:0000400\tPMID:3;PMID:4\tPCS\t\t50%\t\t\tP\tHPO:fixture
    OMIM:4\tDisease four\t\tHP:0000600\tOMIM:4\tTAS\t\tHP:0040282\t\t\tP\tHPO:fixture
    ORPHA:9\tDisease nine\t\tHP:0000100\tORPHA:9\tTAS\t\t\t\t\tP\tORPHA:orphadata
    """

    public static let genes = """
    ncbi_gene_id\tgene_symbol\thpo_id\thpo_name\tfrequency\tdisease_id
    11\tG1\tHP:0000200\tBony thing B\t1/2\tOMIM:1
    11\tG1\tHP:0000300\tSubcutaneous bony thing C\t-\tOMIM:2
    """

    /// The fixture, parsed and indexed.
    public static func knowledgeBase(hpoa hpoaText: String = hpoa) throws -> KnowledgeBase {
        let obo = try OBOParser.parse(Array(Self.obo.utf8), file: "fixture.obo")
        let hpoa = try HPOAParser.parse(Array(hpoaText.utf8), file: "fixture.hpoa")
        let genes = try GeneDiseaseParser.parse(Array(Self.genes.utf8), file: "fixture-genes.txt")
        return try KnowledgeBase.build(obo: obo, hpoa: hpoa, genes: genes, checksum: "fixture", source: "fixture")
    }
}
