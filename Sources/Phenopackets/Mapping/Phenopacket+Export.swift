public import Clinical
public import Foundation
public import Ontology

extension Phenopacket {
    /// The HPO release Ossify ships (Data/hp.obo.gz), named in the exported metadata when the
    /// caller names no other (`hpoVersion:`, the release in use).
    public static let hpoVersion = "2025-01-16"

    /// Exports a patient record as a phenopacket that the GA4GH reference implementation accepts.
    ///
    /// - Subject: `record.id` (or `id` when the record has none), sex, age at last encounter.
    /// - Phenotypes become phenotypic features (laterality as a modifier). The record's overall `onset`
    ///   has no field of its own: it travels in the features' onsets.
    /// - Lesions become features of `lesionTerm(lesion)` (by default the most specific term for the
    ///   depth: HP:6000071 dermal, HP:0034282 subcutaneous, HP:0011987 muscle, else HP:0011986 Ectopic
    ///   ossification) with modifiers for the body region (UBERON, when the region is on the chart), the
    ///   deepest tissue (UBERON) and the side (HPO), and the lesion's age as onset. The lesion's id,
    ///   morphology, a midline side and a region name the chart term does not give back go in the
    ///   feature's description as `Ossify lesion: id=L1; morphology=plaque` (see `LesionNote`), so an
    ///   import gives the same lesion back.
    /// - A lesion's extent (`percentOfRegion`) becomes a measurement: assay NCIT:C25157 Body Surface
    ///   Area, the percent in `UCUM:%`, the lesion's age as `timeObserved`, a physical examination of the
    ///   region's UBERON term as `procedure`, and a description naming the lesion's feature and id
    ///   (see `LesionExtent`, which also says why that assay).
    /// - Joints scored for involvement become features after the lesions' (see `JointMapping`):
    ///   HP:0001376 Limitation of joint mobility (excluded for score 0) or HP:0031013 Ankylosis (score
    ///   2), the joint's UBERON term and the side as modifiers, the age scored as onset, and the note
    ///   `Ossify joint: joint=elbow; side=left; score=2`.
    /// - Procedures become medical actions (see `ProcedureMapping`): the procedure's code, the body site
    ///   of the lesion operated on, the date performed; the lesion's id and the recurrence in a note of
    ///   `metaData.externalReferences`.
    /// - Labs whose analyte has an assay code (`assayCode`; by default an analyte that is already an id
    ///   such as `LOINC:2731-8`) become measurements with a UCUM unit and the reference range; labs
    ///   without a code are left out. A lab's body region and side (a limb segment length) go in the
    ///   note `Ossify measurement: site=lower-leg; side=left` (see `MeasurementSite`).
    /// - Variants become one interpretation `<id>-genotype` (in progress, no diagnosis disease) with a
    ///   genomic interpretation each: a gene descriptor for a bare gene, else a variant interpretation
    ///   (HGVS expression, GENO allelic state, ACMG class, parent of origin as the extension
    ///   ``parentOfOriginExtension``).
    /// - Metadata: `created`, `createdBy`, schema version 2.0 and a resource for each ontology used,
    ///   the HPO one naming `hpoVersion` (the release in use; a release path such as
    ///   `hp/releases/2025-01-16` is cut to its last component).
    /// - Term labels come from `termLabel` (e.g. the HPO knowledge base); without it only ids are written.
    public init(record: PatientRecord, id: String, hpoVersion: String = Phenopacket.hpoVersion, created: Date = Date(), createdBy: String = "Ossify",
                lesionTerm: (Lesion) -> TermID = Phenopacket.defaultLesionTerm,
                assayCode: (String) -> TermID? = { TermID($0) },
                termLabel: (TermID) -> String? = { _ in nil }) {
        func term(_ id: TermID) -> OntologyClass { OntologyClass(id, label: termLabel(id) ?? "") }
        let subjectID = record.id ?? id
        self.init(id: id)
        let sex: Individual.Sex = switch record.sex {
        case .female: .female
        case .male: .male
        case .other: .otherSex
        case .unknown: .unknownSex
        }
        subject = Individual(id: subjectID, timeAtLastEncounter: record.age.map { .age(iso8601duration: $0.description) },
                             sex: sex)

        // A lesion is exported as a feature of its own term; a bare observation of that term (what
        // an import records so that the engines see the lesion) would repeat it.
        let lesionTerms = Set(record.lesions.map(lesionTerm))
        let phenotypes = record.phenotypes.filter { p in !(lesionTerms.contains(p.term) && p == PhenotypeObservation(term: p.term)) }
        phenotypicFeatures = phenotypes.map { p in
            var modifiers = p.modifiers.map(term)
            if let side = p.laterality { modifiers.insert(term(side), at: 0) }
            return PhenotypicFeature(type: term(p.term), excluded: p.excluded, severity: p.severity.map(term),
                                     modifiers: modifiers, onset: p.onset.map { Self.timeElement($0, term: term) })
        }
        phenotypicFeatures += record.lesions.map { lesion in
            var modifiers: [OntologyClass] = []
            if let site = BodySite.term(forRegion: lesion.region) { modifiers.append(site) }
            if let depth = lesion.depth, let row = BodySite.depths.first(where: { $0.depth == depth }) {
                modifiers.append(OntologyClass(id: row.id, label: row.label))
            }
            if let side = Vocabulary.lateralityTerm(lesion.side) { modifiers.append(side) }
            return PhenotypicFeature(type: term(lesionTerm(lesion)), description: LesionNote.text(for: lesion), modifiers: modifiers,
                                     onset: lesion.age.map { .age(iso8601duration: $0.description) })
        }
        phenotypicFeatures += record.joints.map(JointMapping.feature)

        measurements = record.labs.compactMap { lab in
            guard let code = assayCode(lab.analyte) else { return nil }
            let unit = OntologyClass(id: "UCUM:" + lab.unit, label: lab.unit)
            var range: ReferenceRange?
            if lab.referenceLow != nil || lab.referenceHigh != nil {
                // A missing bound is unbounded: written as "-Infinity" or "Infinity", read back as nil.
                range = ReferenceRange(unit: unit, low: lab.referenceLow ?? -.infinity, high: lab.referenceHigh ?? .infinity)
            }
            var m = Measurement(assay: OntologyClass(code), value: .quantity(Quantity(unit: unit, value: lab.value, referenceRange: range)),
                                timeObserved: lab.ageAtMeasurement.map { .age(iso8601duration: $0.description) })
            MeasurementSite.write(lab, into: &m)
            return m
        }
        measurements += record.lesions.enumerated().compactMap { index, lesion in
            LesionExtent.measurement(for: lesion, featureIndex: phenotypes.count + index)
        }

        let tests = record.tests ?? TestResults()
        measurements += TestResultsMapping.measurements(tests)
        let rejected = TestResultsMapping.rejected(tests, subjectID: subjectID)
        if record.variants.contains(where: { $0 != VariantObservation() }) || !rejected.isEmpty {
            let genomic = record.variants.enumerated().compactMap { index, v in
                Self.genomicInterpretation(v, subjectID: subjectID, variantID: "\(id)-variant-\(index + 1)")
            } + rejected
            interpretations = [Interpretation(id: id + "-genotype", progressStatus: .inProgress,
                                              diagnosis: .init(genomicInterpretations: genomic))]
        }

        let (actions, procedureNotes) = ProcedureMapping.actions(record.procedures, lesions: record.lesions)
        medicalActions = actions

        metaData = MetaData(created: Self.rfc3339(created), createdBy: createdBy,
                            resources: Self.resources(for: self, hpoVersion: hpoVersion), phenopacketSchemaVersion: "2.0",
                            externalReferences: procedureNotes)
    }

    /// The most specific HPO term for a lesion's depth: HP:6000071 Heterotopic dermal ossification,
    /// HP:0034282 Subcutaneous ossification, HP:0011987 Ectopic ossification in muscle tissue, else
    /// HP:0011986 Ectopic ossification.
    public static func defaultLesionTerm(_ lesion: Lesion) -> TermID {
        Vocabulary.ossificationTerm(for: lesion.depth)
    }

    static func timeElement(_ onset: Onset, term: (TermID) -> OntologyClass) -> TimeElement {
        switch onset {
        case .age(let age): .age(iso8601duration: age.description)
        case .term(let id): .ontologyClass(term(id))
        }
    }

    /// Nil for a variant observation with nothing in it.
    static func genomicInterpretation(_ v: VariantObservation, subjectID: String, variantID: String) -> GenomicInterpretation? {
        let gene = v.gene.map { GeneDescriptor(valueId: Vocabulary.hgnc[$0] ?? "", symbol: $0) }
        guard v.hgvs != nil || v.zygosity != nil || v.origin != nil || v.acmgClass != nil || v.structuralType != nil || v.label != nil
                || !v.otherHgvs.isEmpty || v.vcf != nil else {
            return gene.map { GenomicInterpretation(subjectOrBiosampleId: subjectID, gene: $0) }
        }
        var d = VariationDescriptor(id: variantID, geneContext: gene)
        if let type = v.structuralType { d.structuralType = OntologyClass(id: type.description, label: "") }
        if let label = v.label { d.label = label }
        if let hgvs = v.hgvs {
            let (syntax, context) = hgvsSyntax(hgvs)
            d.expressions = [Expression(syntax: syntax, value: hgvs)]
            d.moleculeContext = context
        }
        d.expressions += v.otherHgvs.map { Expression(syntax: hgvsSyntax($0).syntax, value: $0) }
        if let p = v.vcf {
            d.vcfRecord = VcfRecord(genomeAssembly: p.assembly, chrom: p.chrom, pos: p.pos, ref: p.ref, alt: p.alt)
        }
        if let zygosity = v.zygosity?.lowercased(), let row = Vocabulary.zygosity.first(where: { $0.label == zygosity }) {
            d.allelicState = OntologyClass(id: row.id, label: row.label)
        }
        if let origin = v.origin {
            d.extensions = [Extension(name: parentOfOriginExtension, value: origin.rawValue)]
        }
        let acmgKey = v.acmgClass?.lowercased().replacingOccurrences(of: "_", with: " ")
        let acmg = Vocabulary.acmg.first { $0.1 == acmgKey }?.0 ?? .notProvided
        return GenomicInterpretation(subjectOrBiosampleId: subjectID,
                                     variantInterpretation: VariantInterpretation(acmgPathogenicityClassification: acmg,
                                                                                  variationDescriptor: d))
    }

    /// The expression syntax (hgvs.c, hgvs.g, hgvs.p, else hgvs) and molecule context of an HGVS text.
    static func hgvsSyntax(_ hgvs: String) -> (syntax: String, context: MoleculeContext) {
        hgvs.contains(":c.") ? ("hgvs.c", .transcript)
            : hgvs.contains(":g.") ? ("hgvs.g", .genomic)
            : hgvs.contains(":p.") ? ("hgvs.p", .protein)
            : ("hgvs", .unspecifiedMoleculeContext)
    }

    static func rfc3339(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: false, timeZone: TimeZone(identifier: "UTC") ?? .current))
    }

    /// One metadata resource per ontology prefix used in the phenopacket.
    static func resources(for p: Phenopacket, hpoVersion: String) -> [Resource] {
        var prefixes: Set<String> = []
        func note(_ term: OntologyClass?) { if let prefix = term?.termID?.prefix { prefixes.insert(prefix) } }
        func note(_ time: TimeElement?) { if case .ontologyClass(let term)? = time { note(term) } }
        for f in p.phenotypicFeatures {
            note(f.type); note(f.severity); f.modifiers.forEach { note($0) }; note(f.onset)
        }
        for m in p.measurements {
            note(m.assay)
            if case .quantity(let q)? = m.value { note(q.unit) }
            note(m.procedure?.code); note(m.procedure?.bodySite)
        }
        p.diseases.forEach { note($0.term) }
        for a in p.medicalActions {
            note(a.procedure?.code); note(a.procedure?.bodySite); note(a.treatmentTarget); note(a.responseToTreatment)
        }
        for x in p.interpretations {
            note(x.diagnosis?.disease)
            for g in x.diagnosis?.genomicInterpretations ?? [] {
                note(g.variantInterpretation?.variationDescriptor?.allelicState)
                if let gene = g.gene?.valueId ?? g.variantInterpretation?.variationDescriptor?.geneContext?.valueId {
                    note(OntologyClass(id: gene))
                }
            }
        }
        let version = hpoVersion.split(separator: "/").last.map(String.init) ?? hpoVersion
        return prefixes.sorted().map { prefix in
            if prefix == "HP" {
                return Resource(id: "hp", name: "human phenotype ontology", url: "http://purl.obolibrary.org/obo/hp.owl",
                                version: version, namespacePrefix: "HP", iriPrefix: "http://purl.obolibrary.org/obo/HP_")
            }
            return knownResources[prefix] ?? Resource(id: prefix.lowercased(), name: prefix, url: "", version: "",
                                               namespacePrefix: prefix, iriPrefix: "")
        }
    }

    static let knownResources: [String: Resource] = [
        "OMIM": Resource(id: "omim", name: "Online Mendelian Inheritance in Man", url: "https://www.omim.org",
                         version: "", namespacePrefix: "OMIM", iriPrefix: "https://www.omim.org/entry/"),
        "ORPHA": Resource(id: "orpha", name: "Orphanet Rare Disease Ontology", url: "http://www.orpha.net/ORDO/",
                          version: "", namespacePrefix: "ORPHA", iriPrefix: "http://www.orpha.net/ORDO/Orphanet_"),
        "MONDO": Resource(id: "mondo", name: "Mondo Disease Ontology", url: "http://purl.obolibrary.org/obo/mondo.owl",
                          version: "", namespacePrefix: "MONDO", iriPrefix: "http://purl.obolibrary.org/obo/MONDO_"),
        "GENO": Resource(id: "geno", name: "Genotype Ontology", url: "http://purl.obolibrary.org/obo/geno.owl",
                         version: "", namespacePrefix: "GENO", iriPrefix: "http://purl.obolibrary.org/obo/GENO_"),
        "UBERON": Resource(id: "uberon", name: "Uber-anatomy ontology", url: "http://purl.obolibrary.org/obo/uberon.owl",
                           version: "", namespacePrefix: "UBERON", iriPrefix: "http://purl.obolibrary.org/obo/UBERON_"),
        "LOINC": Resource(id: "loinc", name: "Logical Observation Identifiers Names and Codes", url: "https://loinc.org",
                          version: "", namespacePrefix: "LOINC", iriPrefix: "https://loinc.org/"),
        "UCUM": Resource(id: "ucum", name: "Unified Code for Units of Measure", url: "https://ucum.org",
                         version: "", namespacePrefix: "UCUM", iriPrefix: "https://ucum.org/"),
        "NCIT": Resource(id: "ncit", name: "NCI Thesaurus OBO Edition", url: "http://purl.obolibrary.org/obo/ncit.owl",
                         version: "", namespacePrefix: "NCIT", iriPrefix: "http://purl.obolibrary.org/obo/NCIT_"),
        "HGNC": Resource(id: "hgnc", name: "HUGO Gene Nomenclature Committee", url: "https://www.genenames.org",
                         version: "", namespacePrefix: "HGNC", iriPrefix: "https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/"),
    ]
}
