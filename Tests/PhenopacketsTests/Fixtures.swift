import Foundation
@testable import Phenopackets

/// Shared helpers: synthetic documents and the location of the shared bench file.
enum Fixtures {
    /// The package root, from this file's path (Tests/PhenopacketsTests/Fixtures.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// ../shared/bench/dev-phenopackets.jsonl next to the package, else /work/shared/bench/...; nil when
    /// neither exists (the bench test is then skipped with a note).
    static var benchFile: URL? {
        let candidates = [
            packageRoot.deletingLastPathComponent().appendingPathComponent("shared/bench/dev-phenopackets.jsonl"),
            URL(fileURLWithPath: "/work/shared/bench/dev-phenopackets.jsonl"),
        ]
        return candidates.first { FileManager.default.isReadableFile(atPath: $0.path) }
    }

    static func decode(_ json: String) throws(PhenopacketError) -> Phenopacket {
        try Phenopacket.decode(from: Data(json.utf8))
    }

    /// The JSON object of an encoded phenopacket, for checking which keys were written.
    static func object(_ packet: Phenopacket) throws -> [String: Any] {
        let any = try JSONSerialization.jsonObject(with: packet.jsonData())
        return any as? [String: Any] ?? [:]
    }

    /// A synthetic case with every part the mapping reads (no real patient).
    static let fullCase = """
    {"id": "case-1",
     "subject": {"id": "S1", "sex": "FEMALE", "timeAtLastEncounter": {"age": {"iso8601duration": "P7Y"}},
                 "vitalStatus": {"status": "ALIVE"}, "taxonomy": {"id": "NCBITaxon:9606", "label": "Homo sapiens"}},
     "phenotypicFeatures": [
       {"type": {"id": "HP:0034282", "label": "Subcutaneous ossification"}, "onset": {"age": {"iso8601duration": "P1Y6M"}}},
       {"type": {"id": "HP:0011987"}, "onset": {"ontologyClass": {"id": "HP:0011463", "label": "Childhood onset"}},
        "modifiers": [{"id": "HP:0012835", "label": "Left"}, {"id": "HP:0031796", "label": "Recurrent"}],
        "severity": {"id": "HP:0012828", "label": "Severe"}},
       {"type": {"id": "HP:0003165"}, "excluded": true, "onset": {"age": {"iso8601duration": "P3M"}}},
       {"type": {"id": "HP:0001513"}, "onset": {"age": {"iso8601duration": "P9M"}}}
     ],
     "measurements": [
       {"assay": {"id": "LOINC:2731-8", "label": "PTH"},
        "value": {"quantity": {"unit": {"id": "UCUM:pg/mL", "label": "pg/mL"}, "value": 40,
                  "referenceRange": {"unit": {"id": "UCUM:pg/mL"}, "low": 15, "high": 65}}},
        "timeObserved": {"age": {"iso8601duration": "P6Y"}}},
       {"assay": {"id": "NCIT:C1234"}, "value": {"ontologyClass": {"id": "NCIT:C25626", "label": "positive"}}}
     ],
     "interpretations": [{"id": "i1", "progressStatus": "SOLVED",
       "diagnosis": {"disease": {"id": "OMIM:166350", "label": "Osseous heteroplasia, progressive"},
         "genomicInterpretations": [
           {"subjectOrBiosampleId": "S1", "interpretationStatus": "CAUSATIVE",
            "variantInterpretation": {"acmgPathogenicityClassification": "PATHOGENIC",
              "variationDescriptor": {"id": "v1", "geneContext": {"valueId": "HGNC:4392", "symbol": "GNAS"},
                "expressions": [{"syntax": "hgvs.p", "value": "NP_000507.1:p.(Ser190fs)"},
                                {"syntax": "hgvs.g", "value": "NC_000020.11:g.58909000del"},
                                {"syntax": "hgvs.c", "value": "NM_000516.7:c.565_568del"}],
                "vcfRecord": {"genomeAssembly": "hg38", "chrom": "chr20", "pos": "58909000", "ref": "AG", "alt": "A"},
                "allelicState": {"id": "GENO:0000135", "label": "heterozygous"},
                "moleculeContext": "transcript",
                "extensions": [{"name": "parentOfOrigin", "value": "paternal"}]}}},
           {"subjectOrBiosampleId": "S1", "interpretationStatus": "REJECTED",
            "gene": {"valueId": "HGNC:999", "symbol": "XYZ"}}
         ]}}],
     "diseases": [{"term": {"id": "OMIM:166350"}, "onset": {"age": {"iso8601duration": "P1Y"}}}],
     "metaData": {"created": "2026-01-02T03:04:05Z", "createdBy": "test", "phenopacketSchemaVersion": "2.0",
                  "resources": [{"id": "hp", "name": "hpo", "namespacePrefix": "HP", "url": "x", "version": "2025-01-16", "iriPrefix": "y"}]}
    }
    """
}
