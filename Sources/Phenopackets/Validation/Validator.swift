internal import Clinical
internal import Ontology

/// Walks a phenopacket, collecting issues with their JSON paths. Pure: no I/O.
struct Validator {
    var issues: [PhenopacketError.Issue] = []
    /// The path of the phenopacket being checked inside a family or cohort (`proband.`, `members[2].`).
    var prefix = ""

    mutating func report(_ path: @autoclosure () -> String, _ problem: PhenopacketError.Problem) {
        issues.append(.init(path: prefix + path(), problem: problem))
    }

    mutating func check(nested p: Phenopacket, at path: String) {
        let outer = prefix
        prefix = outer + path + "."
        check(p)
        prefix = outer
    }

    mutating func check(_ family: Phenopacket.Family) {
        if family.id.isEmpty { report("id", .missing) }
        if let proband = family.proband { check(nested: proband, at: "proband") } else { report("proband", .missing) }
        for (i, r) in family.relatives.enumerated() { check(nested: r, at: "relatives[\(i)]") }
        for (i, p) in (family.pedigree?.persons ?? []).enumerated() where p.individualId.isEmpty {
            report("pedigree.persons[\(i)].individualId", .missing)
        }
        for (i, f) in family.files.enumerated() where f.uri.isEmpty { report("files[\(i)].uri", .missing) }
        if let meta = family.metaData { check(meta, "metaData") }
    }

    mutating func check(_ cohort: Phenopacket.Cohort) {
        if cohort.id.isEmpty { report("id", .missing) }
        for (i, m) in cohort.members.enumerated() { check(nested: m, at: "members[\(i)]") }
        for (i, f) in cohort.files.enumerated() where f.uri.isEmpty { report("files[\(i)].uri", .missing) }
        if let meta = cohort.metaData { check(meta, "metaData") }
    }

    mutating func check(_ p: Phenopacket) {
        if p.id.isEmpty { report("id", .missing) }
        if let subject = p.subject { check(subject, "subject") }
        for (i, f) in p.phenotypicFeatures.enumerated() { check(f, "phenotypicFeatures[\(i)]") }
        for (i, m) in p.measurements.enumerated() { check(m, "measurements[\(i)]") }
        for (i, b) in p.biosamples.enumerated() { check(b, "biosamples[\(i)]") }
        for (i, x) in p.interpretations.enumerated() { check(x, "interpretations[\(i)]") }
        for (i, d) in p.diseases.enumerated() { check(d, "diseases[\(i)]") }
        for (i, a) in p.medicalActions.enumerated() { check(a, "medicalActions[\(i)]") }
        for (i, f) in p.files.enumerated() where f.uri.isEmpty { report("files[\(i)].uri", .missing) }
        if let meta = p.metaData { check(meta, "metaData") }
    }

    // MARK: Building blocks

    /// `PREFIX:LOCAL` as ``TermID`` parses it, without allocating for the usual ASCII ids.
    static func isOntologyID(_ text: String) -> Bool {
        var sawColon = false, prefixLength = 0, localLength = 0
        for byte in text.utf8 {
            if byte >= 0x80 { return TermID(text) != nil }
            if !sawColon && byte == UInt8(ascii: ":") { sawColon = true; continue }
            if byte == 32 || (9...13).contains(byte) { return false }
            if sawColon { localLength += 1 } else { prefixLength += 1 }
        }
        return sawColon && prefixLength > 0 && localLength > 0
    }

    mutating func required(_ term: Phenopacket.OntologyClass?, _ path: @autoclosure () -> String) {
        guard let term else { return report(path(), .missing) }
        check(term, path())
    }

    mutating func optional(_ term: Phenopacket.OntologyClass?, _ path: @autoclosure () -> String) {
        if let term { check(term, path()) }
    }

    mutating func check(_ term: Phenopacket.OntologyClass, _ path: @autoclosure () -> String) {
        if term.id.isEmpty { report(path() + ".id", .missing) }
        else if !Validator.isOntologyID(term.id) { report(path() + ".id", .invalidOntologyID) }
    }

    mutating func duration(_ text: String?, _ path: @autoclosure () -> String) {
        guard let text, !text.isEmpty else { return report(path(), .missing) }
        if Duration.age(text) == nil { report(path(), .invalidDuration) }
    }

    mutating func timestamp(_ text: String?, _ path: @autoclosure () -> String) {
        guard let text, !text.isEmpty else { return report(path(), .missing) }
        if !RFC3339.isValid(text) { report(path(), .invalidTimestamp) }
    }

    mutating func optional(_ time: Phenopacket.TimeElement?, _ path: @autoclosure () -> String) {
        if let time { check(time, path()) }
    }

    mutating func check(_ time: Phenopacket.TimeElement, _ path: @autoclosure () -> String) {
        switch time {
        case .age(let text): duration(text, path() + ".age.iso8601duration")
        case .ageRange(let start, let end):
            if start == nil && end == nil { report(path() + ".ageRange", .noneOf(["start", "end"])) }
            if let start { duration(start, path() + ".ageRange.start.iso8601duration") }
            if let end { duration(end, path() + ".ageRange.end.iso8601duration") }
            if let start, let end, let a = Duration.age(start), let b = Duration.age(end), b < a {
                report(path() + ".ageRange", .other("the end is before the start"))
            }
        case .ontologyClass(let term): check(term, path() + ".ontologyClass")
        case .gestationalAge(let g):
            if !(0...45).contains(g.weeks) { report(path() + ".gestationalAge.weeks", .outOfRange(allowed: "0 to 45")) }
            if !(0...6).contains(g.days) { report(path() + ".gestationalAge.days", .outOfRange(allowed: "0 to 6")) }
        case .timestamp(let text): timestamp(text, path() + ".timestamp")
        case .interval(let interval):
            timestamp(interval.start, path() + ".interval.start")
            timestamp(interval.end, path() + ".interval.end")
        }
    }

    mutating func check(_ q: Phenopacket.Quantity, _ path: @autoclosure () -> String) {
        required(q.unit, path() + ".unit")
        if !q.value.isFinite { report(path() + ".value", .outOfRange(allowed: "finite numbers")) }
        if let range = q.referenceRange {
            optional(range.unit, path() + ".referenceRange.unit")
            if range.low.isNaN || range.high.isNaN { report(path() + ".referenceRange", .outOfRange(allowed: "numbers")) }
            else if range.high < range.low { report(path() + ".referenceRange", .other("high is below low")) }
        }
    }

    mutating func check(_ p: Phenopacket.Procedure, _ path: @autoclosure () -> String) {
        required(p.code, path() + ".code")
        optional(p.bodySite, path() + ".bodySite")
        optional(p.performed, path() + ".performed")
    }

    // MARK: Messages

    mutating func check(_ s: Phenopacket.Individual, _ path: @autoclosure () -> String) {
        if let dob = s.dateOfBirth { timestamp(dob, path() + ".dateOfBirth") }
        optional(s.timeAtLastEncounter, path() + ".timeAtLastEncounter")
        if let vital = s.vitalStatus {
            optional(vital.timeOfDeath, path() + ".vitalStatus.timeOfDeath")
            optional(vital.causeOfDeath, path() + ".vitalStatus.causeOfDeath")
        }
        optional(s.gender, path() + ".gender")
        optional(s.taxonomy, path() + ".taxonomy")
    }

    mutating func check(_ f: Phenopacket.PhenotypicFeature, _ path: @autoclosure () -> String) {
        required(f.type, path() + ".type")
        optional(f.severity, path() + ".severity")
        for (i, m) in f.modifiers.enumerated() { check(m, path() + ".modifiers[\(i)]") }
        optional(f.onset, path() + ".onset")
        optional(f.resolution, path() + ".resolution")
        for (i, e) in f.evidence.enumerated() { required(e.evidenceCode, path() + ".evidence[\(i)].evidenceCode") }
    }

    mutating func check(_ m: Phenopacket.Measurement, _ path: @autoclosure () -> String) {
        required(m.assay, path() + ".assay")
        switch (m.value, m.complexValue) {
        case (nil, nil): report(path(), .noneOf(["value", "complexValue"]))
        case (.some, .some): report(path(), .moreThanOne(of: ["value", "complexValue"]))
        case (.quantity(let q)?, nil): check(q, path() + ".value.quantity")
        case (.ontologyClass(let term)?, nil): check(term, path() + ".value.ontologyClass")
        case (nil, let complex?):
            if complex.typedQuantities.isEmpty { report(path() + ".complexValue.typedQuantities", .missing) }
            for (i, t) in complex.typedQuantities.enumerated() {
                let here = path() + ".complexValue.typedQuantities[\(i)]"
                required(t.type, here + ".type")
                if let q = t.quantity { check(q, here + ".quantity") } else { report(here + ".quantity", .missing) }
            }
        }
        optional(m.timeObserved, path() + ".timeObserved")
        if let procedure = m.procedure { check(procedure, path() + ".procedure") }
    }

    mutating func check(_ b: Phenopacket.Biosample, _ path: @autoclosure () -> String) {
        optional(b.sampledTissue, path() + ".sampledTissue")
        optional(b.sampleType, path() + ".sampleType")
        optional(b.taxonomy, path() + ".taxonomy")
        optional(b.timeOfCollection, path() + ".timeOfCollection")
        if let procedure = b.procedure { check(procedure, path() + ".procedure") }
    }

    mutating func check(_ x: Phenopacket.Interpretation, _ path: @autoclosure () -> String) {
        guard let diagnosis = x.diagnosis else { return }
        optional(diagnosis.disease, path() + ".diagnosis.disease")
        for (i, g) in diagnosis.genomicInterpretations.enumerated() {
            check(g, path() + ".diagnosis.genomicInterpretations[\(i)]")
        }
    }

    mutating func check(_ g: Phenopacket.GenomicInterpretation, _ path: @autoclosure () -> String) {
        switch (g.gene, g.variantInterpretation) {
        case (nil, nil): report(path(), .noneOf(["gene", "variantInterpretation"]))
        case (.some, .some): report(path(), .moreThanOne(of: ["gene", "variantInterpretation"]))
        case (let gene?, nil): check(gene, path() + ".gene")
        case (nil, let variant?):
            guard let d = variant.variationDescriptor else {
                return report(path() + ".variantInterpretation.variationDescriptor", .missing)
            }
            check(d, path() + ".variantInterpretation.variationDescriptor")
        }
    }

    mutating func check(_ gene: Phenopacket.GeneDescriptor, _ path: @autoclosure () -> String) {
        if gene.valueId.isEmpty && gene.symbol.isEmpty { report(path(), .noneOf(["valueId", "symbol"])) }
        if !gene.valueId.isEmpty && !Validator.isOntologyID(gene.valueId) { report(path() + ".valueId", .invalidOntologyID) }
    }

    mutating func check(_ d: Phenopacket.VariationDescriptor, _ path: @autoclosure () -> String) {
        if let gene = d.geneContext { check(gene, path() + ".geneContext") }
        for (i, e) in d.expressions.enumerated() {
            if e.syntax.isEmpty { report(path() + ".expressions[\(i)].syntax", .missing) }
            if e.value.isEmpty { report(path() + ".expressions[\(i)].value", .missing) }
        }
        optional(d.structuralType, path() + ".structuralType")
        optional(d.allelicState, path() + ".allelicState")
        for (i, e) in d.extensions.enumerated() {
            if e.name.isEmpty { report(path() + ".extensions[\(i)].name", .missing) }
            if Phenopacket.parentOfOriginExtensionNames.contains(e.name), ParentOfOrigin(extensionValue: e.value) == nil {
                report(path() + ".extensions[\(i)].value", .unknownValue(allowed: ParentOfOrigin.allCases.map(\.rawValue)))
            }
        }
    }

    mutating func check(_ d: Phenopacket.Disease, _ path: @autoclosure () -> String) {
        required(d.term, path() + ".term")
        optional(d.onset, path() + ".onset")
        optional(d.resolution, path() + ".resolution")
        for (i, s) in d.diseaseStage.enumerated() { check(s, path() + ".diseaseStage[\(i)]") }
        optional(d.primarySite, path() + ".primarySite")
        optional(d.laterality, path() + ".laterality")
    }

    mutating func check(_ a: Phenopacket.MedicalAction, _ path: @autoclosure () -> String) {
        switch (a.procedure, a.treatment) {
        case (.some, .some): report(path(), .moreThanOne(of: ["procedure", "treatment"]))
        case (let p?, nil): check(p, path() + ".procedure")
        case (nil, let t?):
            required(t.agent, path() + ".treatment.agent")
            optional(t.routeOfAdministration, path() + ".treatment.routeOfAdministration")
            if let dose = t.cumulativeDose { check(dose, path() + ".treatment.cumulativeDose") }
        case (nil, nil): break  // radiation therapy or a regimen: not modelled, ignored
        }
        optional(a.treatmentTarget, path() + ".treatmentTarget")
        optional(a.treatmentIntent, path() + ".treatmentIntent")
        optional(a.responseToTreatment, path() + ".responseToTreatment")
        for (i, e) in a.adverseEvents.enumerated() { check(e, path() + ".adverseEvents[\(i)]") }
        optional(a.treatmentTerminationReason, path() + ".treatmentTerminationReason")
    }

    mutating func check(_ m: Phenopacket.MetaData, _ path: @autoclosure () -> String) {
        if let created = m.created { timestamp(created, path() + ".created") }
        if !m.phenopacketSchemaVersion.isEmpty && !m.phenopacketSchemaVersion.hasPrefix("2") {
            report(path() + ".phenopacketSchemaVersion", .unsupportedSchemaVersion)
        }
        for (i, u) in m.updates.enumerated() { timestamp(u.timestamp, path() + ".updates[\(i)].timestamp") }
    }
}
