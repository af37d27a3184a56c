extension Phenopacket {
    /// A variant (VRSATILE VariationDescriptor) as phenopackets carry it: HGVS expressions, a VCF
    /// record, the gene, the allelic state (GENO term) and free extensions. The VRS `variation` object
    /// is not modelled: it is ignored on input.
    public struct VariationDescriptor: Hashable, Sendable, Codable {
        /// Required by the schema.
        @ProtoField public var id: String = ""
        @ProtoField public var label: String = ""
        @ProtoField public var description: String = ""
        public var geneContext: GeneDescriptor?
        @ProtoField public var expressions: [Expression] = []
        public var vcfRecord: VcfRecord?
        @ProtoField public var xrefs: [String] = []
        @ProtoField public var alternateLabels: [String] = []
        @ProtoField public var extensions: [Extension] = []
        @ProtoField public var moleculeContext: MoleculeContext = .unspecifiedMoleculeContext
        public var structuralType: OntologyClass?
        @ProtoField public var vrsRefAlleleSeq: String = ""
        /// GENO:0000135 heterozygous, GENO:0000136 homozygous, GENO:0000134 hemizygous, ...
        public var allelicState: OntologyClass?

        public init(id: String, geneContext: GeneDescriptor? = nil, expressions: [Expression] = [],
                    vcfRecord: VcfRecord? = nil, extensions: [Extension] = [],
                    moleculeContext: MoleculeContext = .unspecifiedMoleculeContext,
                    allelicState: OntologyClass? = nil, label: String = "", description: String = "",
                    structuralType: OntologyClass? = nil) {
            self.id = id
            self.geneContext = geneContext
            self.expressions = expressions
            self.vcfRecord = vcfRecord
            self.extensions = extensions
            self.moleculeContext = moleculeContext
            self.allelicState = allelicState
            self.label = label
            self.description = description
            self.structuralType = structuralType
        }
    }

    /// A variant in some syntax: `hgvs.c`, `hgvs.g`, `hgvs.p`, `spdi`, ...
    public struct Expression: Hashable, Sendable, Codable {
        @ProtoField public var syntax: String = ""
        @ProtoField public var value: String = ""
        @ProtoField public var version: String = ""

        public init(syntax: String, value: String, version: String = "") {
            self.syntax = syntax
            self.value = value
            self.version = version
        }
    }

    public struct VcfRecord: Hashable, Sendable, Codable {
        @ProtoField public var genomeAssembly: String = ""
        @ProtoField public var chrom: String = ""
        /// A 64-bit integer: written as a string, read from a number or a string.
        @ProtoField public var pos: UInt64 = 0
        @ProtoField public var id: String = ""
        @ProtoField public var ref: String = ""
        @ProtoField public var alt: String = ""
        @ProtoField public var qual: String = ""
        @ProtoField public var filter: String = ""
        @ProtoField public var info: String = ""

        public init(genomeAssembly: String, chrom: String, pos: UInt64, ref: String, alt: String, id: String = "") {
            self.genomeAssembly = genomeAssembly
            self.chrom = chrom
            self.pos = pos
            self.ref = ref
            self.alt = alt
            self.id = id
        }
    }

    /// A name-value pair for what the schema has no field for. Ossify writes the parent of origin of a
    /// variant as `{"name": "parentOfOrigin", "value": "paternal"}` (see ``Phenopacket/parentOfOriginExtension``).
    public struct Extension: Hashable, Sendable, Codable {
        @ProtoField public var name: String = ""
        @ProtoField public var value: String = ""

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public enum MoleculeContext: String, ProtoEnum {
        case unspecifiedMoleculeContext = "unspecified_molecule_context", genomic, transcript, protein
    }
}
