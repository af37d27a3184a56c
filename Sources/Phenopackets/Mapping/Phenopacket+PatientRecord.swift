public import Clinical
public import Ontology

extension Phenopacket {
    /// The case as Ossify's patient record: what the diagnosis and GNAS engines see.
    ///
    /// - `id`: the phenopacket's `id` (not the subject's id, which is only unique within a source).
    /// - `sex` from `subject.sex`; `age` from `subject.timeAtLastEncounter` when it is an age (or a
    ///   timestamp and the subject's `dateOfBirth` is given: every timestamp becomes an age that way).
    /// - Each phenotypic feature becomes a ``PhenotypeObservation`` (term, excluded, onset, severity; a
    ///   laterality modifier HP:0012831 or a child becomes `laterality`, other modifiers stay modifiers).
    ///   Onsets: an age as is, an age range as its start, an onset term as is, a gestational age as
    ///   HP:0030674 Antenatal onset, a timestamp as the age then (given the date of birth); intervals are
    ///   left out.
    /// - A feature of heterotopic ossification (HP:0011986 or a more specific term) with a body-region
    ///   modifier (UBERON, see `BodySite`) or an Ossify lesion note in its description becomes a
    ///   ``Lesion`` (region, side from the laterality modifier, depth from a tissue modifier, age from an
    ///   age onset, id, morphology and region name from the note); its term is also recorded once as an
    ///   observed phenotype, so the engines see it.
    /// - A measurement whose description starts with `Ossify lesion extent:` is the extent of the lesion
    ///   its description names (see `LesionExtent`): its percent becomes the lesion's
    ///   `percentOfRegion`. A value that is not a quantity in `UCUM:%` between 0 and 100, or a
    ///   description that names no lesion of the phenopacket, is refused with the measurement's path.
    /// - `onset`: the earliest age among the observed features' onsets (lesion features included).
    /// - Measurements with a LOINC assay and a quantity become ``LabResult``s: analyte the assay id
    ///   (`LOINC:2731-8`), the unit's UCUM code (or its label), the reference range, the age observed.
    /// - Test results (see `TestResultsMapping`): a REJECTED genomic interpretation of GNAS or ACVR1 is
    ///   a negative test; a measurement described `Ossify test: NAME=VALUE` is a GNAS sequencing,
    ///   methylation, ACVR1, Gs-alpha activity, lesion imaging or flare-up result. An unknown name or
    ///   value is refused with the measurement's path.
    /// - A feature described by an Ossify joint note (`Ossify joint: joint=elbow; side=left; score=2`)
    ///   is a ``JointInvolvement`` at the age of its onset, not a phenotype (see `JointMapping`); a note
    ///   naming no known joint, side or score 0 to 2 is refused with the feature's path.
    /// - A medical action whose procedure code is one Ossify writes (NCIT:C15189 Biopsy, `OSSIFY:excision`,
    ///   ...) is a ``ProcedureObservation`` with the date it was performed (a timestamp; refused
    ///   without) and the lesion and recurrence of its note (see `ProcedureMapping`); other medical
    ///   actions are left out.
    /// - A measurement's `Ossify measurement: site=...; side=...` note gives its lab's body region and
    ///   side.
    /// - Genomic interpretations (except REJECTED ones) become ``VariantObservation``s: gene symbol, the
    ///   HGVS expression (hgvs.c, else hgvs.g, else hgvs.p, else any other hgvs syntax), zygosity from
    ///   the GENO allelic state, ACMG class, parent of origin from the `parentOfOrigin` extension.
    ///
    /// The diagnosis (`interpretations[].diagnosis.disease`) and `diseases` are never read: the
    /// diagnosis engine must not see the answer. Use ``diagnosisIDs`` for evaluation.
    /// - Throws: the issues of ``validate()`` when the phenopacket is not valid, and the lesion extents
    ///   refused.
    public func patientRecord() throws(PhenopacketError) -> PatientRecord {
        try validate()
        var record = PatientRecord(id: id.isEmpty ? nil : id)
        if let subject {
            record.sex = switch subject.sex {
            case .female: .female
            case .male: .male
            case .otherSex: .other
            case .unknownSex: .unknown
            }
            record.age = age(subject.timeAtLastEncounter)
        }

        // Observations added only because a lesion has the term, by term: a feature of its own with
        // the same term takes their place.
        var implied: [TermID: Int] = [:]
        var onsets: [Age] = []
        var lesionAtFeature: [Int: Int] = [:]
        var issues: [PhenopacketError.Issue] = []
        for (featureIndex, feature) in phenotypicFeatures.enumerated() {
            guard let term = feature.type?.termID else { continue }
            let onset = onset(feature.onset)
            if let joint = JointMapping.joint(feature, age: age(feature.onset), path: "phenotypicFeatures[\(featureIndex)]") {
                switch joint {
                case .success(let j): record.joints.append(j)
                case .failure(let error): issues += error.issues
                }
                continue
            }
            if !feature.excluded, case .age(let age)? = onset { onsets.append(age) }
            if !feature.excluded, let lesion = Self.lesion(feature, term: term, onset: onset) {
                lesionAtFeature[featureIndex] = record.lesions.count
                record.lesions.append(lesion)
                if !record.phenotypes.contains(where: { $0.term == term && !$0.excluded }) {
                    implied[term] = record.phenotypes.count
                    record.phenotypes.append(PhenotypeObservation(term: term))
                }
                continue
            }
            var observation = PhenotypeObservation(term: term, excluded: feature.excluded, onset: onset,
                                                   severity: feature.severity?.termID)
            for modifier in feature.modifiers {
                guard let id = modifier.termID else { continue }
                if observation.laterality == nil, Vocabulary.laterality.contains(modifier.id) {
                    observation.laterality = id
                } else {
                    observation.modifiers.append(id)
                }
            }
            if !observation.excluded, let index = implied.removeValue(forKey: term) {
                record.phenotypes[index] = observation
            } else {
                record.phenotypes.append(observation)
            }
        }
        record.onset = onsets.min().map(Onset.age)
        issues += LesionExtent.apply(measurements, to: &record.lesions, lesionAtFeature: lesionAtFeature)
        let (procedures, procedureIssues) = ProcedureMapping.read(self)
        record.procedures = procedures
        issues += procedureIssues
        for (i, m) in measurements.enumerated() {
            guard var lab = labResult(m) else { continue }
            if let issue = MeasurementSite.read(m, into: &lab, path: "measurements[\(i)]") { issues.append(issue) }
            record.labs.append(lab)
        }
        if !issues.isEmpty { throw PhenopacketError(issues: issues) }

        let (tests, testIssues) = TestResultsMapping.read(self)
        if !testIssues.isEmpty { throw PhenopacketError(issues: testIssues) }
        record.tests = tests.isEmpty ? nil : tests

        record.variants = interpretations.flatMap { ($0.diagnosis?.genomicInterpretations ?? []) }
            .filter { $0.interpretationStatus != .rejected }
            .compactMap(Self.variant)
        return record
    }

    /// The diagnosed diseases of all interpretations (`interpretations[].diagnosis.disease.id`), for
    /// evaluating a ranking against the truth. Never part of ``patientRecord()``.
    public var diagnosisIDs: [TermID] {
        interpretations.compactMap { $0.diagnosis?.disease?.termID }
    }

    // MARK: Pieces

    /// An age, or a timestamp when the date of birth is known, as an age.
    func age(_ time: TimeElement?) -> Age? {
        switch time {
        case .age(let text)?: Duration.age(text)
        case .timestamp(let text)?: subject?.dateOfBirth.flatMap { RFC3339.age(born: $0, at: text) }
        default: nil
        }
    }

    func onset(_ time: TimeElement?) -> Onset? {
        switch time {
        case .age?, .timestamp?: age(time).map(Onset.age)
        case .ageRange(let start?, _)?: Duration.age(start).map(Onset.age)
        case .ontologyClass(let term)?: term.termID.map(Onset.term)
        case .gestationalAge?: .term(Vocabulary.antenatalOnset)
        default: nil
        }
    }

    static func lesion(_ feature: PhenotypicFeature, term: TermID, onset: Onset?) -> Lesion? {
        guard Vocabulary.ossificationTerms.contains(term) else { return nil }
        let note = LesionNote.fields(feature.description)
        let chartRegion = feature.modifiers.lazy.compactMap({ BodySite.region(forID: $0.id) }).first
        guard let region = note?["region"] ?? chartRegion else { return nil }
        var lesion = Lesion(region: region)
        for modifier in feature.modifiers {
            switch modifier.id {
            case Vocabulary.left.description: lesion.side = .left
            case Vocabulary.right.description: lesion.side = .right
            case Vocabulary.bilateral.description: lesion.side = .bilateral
            default:
                if let row = BodySite.depths.first(where: { $0.id == modifier.id }) { lesion.depth = row.depth }
            }
        }
        if let note { LesionNote.apply(note, to: &lesion) }
        if case .age(let age)? = onset { lesion.age = age }
        return lesion
    }

    func labResult(_ m: Measurement) -> LabResult? {
        guard let assay = m.assay, let code = assay.termID, code.prefix.uppercased() == "LOINC",
              case .quantity(let q)? = m.value, let unit = q.unit else { return nil }
        var lab = LabResult(analyte: code.description, value: q.value, unit: Self.unitText(unit))
        if let range = q.referenceRange {
            lab.referenceLow = range.low.isFinite ? range.low : nil
            lab.referenceHigh = range.high.isFinite ? range.high : nil
        }
        lab.ageAtMeasurement = age(m.timeObserved)
        return lab
    }

    /// The UCUM code of `UCUM:mg/dL`, else the label, else the id.
    static func unitText(_ unit: OntologyClass) -> String {
        if let id = unit.termID, id.prefix.uppercased() == "UCUM" { return id.local }
        return unit.label.isEmpty ? unit.id : unit.label
    }

    static func variant(_ g: GenomicInterpretation) -> VariantObservation? {
        if let gene = g.gene {
            return VariantObservation(gene: gene.symbol.isEmpty ? nil : gene.symbol)
        }
        guard let vi = g.variantInterpretation, let d = vi.variationDescriptor else { return nil }
        var v = VariantObservation()
        if let symbol = d.geneContext?.symbol, !symbol.isEmpty { v.gene = symbol }
        if let type = d.structuralType, let id = TermID(type.id) { v.structuralType = id }
        if !d.label.isEmpty { v.label = d.label }
        let preference = ["hgvs.c", "hgvs.g", "hgvs.p"]
        v.hgvs = preference.lazy.compactMap { syntax in d.expressions.first { $0.syntax == syntax }?.value }.first
            ?? d.expressions.first { $0.syntax.lowercased().hasPrefix("hgvs") }?.value
        v.otherHgvs = d.expressions.filter { $0.syntax.lowercased().hasPrefix("hgvs") && $0.value != v.hgvs && !$0.value.isEmpty }
            .map(\.value)
        if let r = d.vcfRecord, let vcf = VCFPosition(text: "\(r.genomeAssembly):\(r.chrom):\(r.pos):\(r.ref):\(r.alt)") {
            v.vcf = vcf
        }
        if let state = d.allelicState {
            v.zygosity = Vocabulary.zygosity.first { $0.id == state.id }?.label ?? (state.label.isEmpty ? state.id : state.label)
        }
        v.acmgClass = Vocabulary.acmg.first { $0.0 == vi.acmgPathogenicityClassification }?.1
        if let ext = d.extensions.first(where: { Phenopacket.parentOfOriginExtensionNames.contains($0.name) }) {
            v.origin = ParentOfOrigin(extensionValue: ext.value)
        }
        return v
    }
}
