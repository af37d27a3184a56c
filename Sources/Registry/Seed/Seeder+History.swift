import Clinical

/// One synthetic patient: the patient's fields and the visits with their parts.
struct SyntheticPatient {
    var patient: PatientFields
    var visits: [(VisitFields, [any RecordFieldsBox])]
}

extension Seeder {
    /// HPO features drawn at visits; the first two are more frequent with a maternal allele (the
    /// PHP1A-like group), so the genotype-phenotype tables have something to find.
    static let features = ["HP:0034282", "HP:0001510", "HP:0004322", "HP:0001263", "HP:0010766", "HP:0002758", "HP:0100777"]

    /// Draws patient `n`: birth, sex, variant, a natural history from `history`, visits every 90 to
    /// 400 days from a first visit 200 to 2000 days after birth.
    func syntheticPatient<G: RandomNumberGenerator>(_ n: Int, batch: UInt64, using rng: inout G) -> SyntheticPatient? {
        let birthYear = Int.random(in: 1980...2015, using: &rng)
        guard let birth = CivilDate(year: birthYear, month: Int.random(in: 1...12, using: &rng), day: Int.random(in: 1...28, using: &rng)) else {
            return nil
        }
        var patient = PatientFields(pseudonym: "SYN-\(batch)-\(n)", birthDate: birth.description,
                                    sex: Bool.random(using: &rng) ? .female : .male)
        let u = Double.random(in: 0..<1, using: &rng)
        let origin: ParentOfOrigin = u < history.paternalShare ? .paternal
            : u < history.paternalShare + history.maternalShare ? .maternal
            : u < history.paternalShare + history.maternalShare + history.deNovoShare ? .deNovo : .unknown
        let diagnosis = origin == .maternal ? ("ORPHA:79443", "Pseudohypoparathyroidism type 1A") : ("ORPHA:2762", "Progressive osseous heteroplasia")
        patient.orphaCode = diagnosis.0
        patient.geneticGene = "GNAS"
        patient.geneticHgvs = "NM_000516.7:c.565C>T"
        patient.reuseConsent = true
        let acmg: ACMGClass = Double.random(in: 0..<1, using: &rng) < 0.8 ? .pathogenic : .likelyPathogenic

        // Visit days, then the natural history up to the last visit.
        var days: [Int] = []
        var day = Int.random(in: 200...2000, using: &rng)
        for _ in 0..<visitsPerPatient {
            days.append(day)
            day += Int.random(in: 90...400, using: &rng)
        }
        let age = { (d: Int) in Double(d) / 365.25 }
        let lastAge = age(days.last ?? 0)
        let entries = history.stageEntries(until: lastAge, using: &rng)
        let diffuse = Double.random(in: 0..<1, using: &rng) < history.diffuseShare
        let regions = BodyRegion.catalog
        // One lesion per stage reached: L1 in the dermis, L2 subcutis, L3 muscle, L4 a joint.
        let lesionRegions = (0..<4).map { _ in regions[Int.random(in: 0..<regions.count, using: &rng)] }
        let lesionSides: [BodySide] = lesionRegions.map { r in r.paired ? (Bool.random(using: &rng) ? .left : .right) : .midline }
        let depths: [TissueDepth] = [.dermis, .subcutis, .muscle, .joint]
        // An excision of L1 at a visit after it appeared, and its recurrence.
        let excise = Double.random(in: 0..<1, using: &rng) < history.excisionProbability
        let recurrenceDelay = NaturalHistory.exponential(diffuse ? history.recurrenceDiffuse : history.recurrenceCircumscribed, using: &rng)
        let onsetFeatureBoost = origin == .maternal ? 0.5 : 0.15
        var excisionDone = false
        var visits: [(VisitFields, [any RecordFieldsBox])] = []
        for (v, d) in days.enumerated() {
            guard let date = birth.adding(days: d) else { continue }
            let a = age(d)
            var parts: [any RecordFieldsBox] = []
            let reached = entries.filter { $0 <= a }.count
            for k in 0..<reached {
                let growth = min(100, 5 + (a - entries[k]) * 8)
                parts.append(Box(LesionFields(lesionId: "L\(k + 1)", region: lesionRegions[k].code, side: lesionSides[k],
                                              surface: .anterior, percentOfRegion: (growth * 10).rounded() / 10, depth: depths[k],
                                              morphology: k == 0 ? (diffuse ? .diffuse : .circumscribed) : .plaque,
                                              imaging: .radiograph)))
            }
            if reached >= 4 {
                parts.append(Box(JointInvolvementFields(joint: .elbow, side: .left, score: 2)))
            } else if reached == 3 {
                parts.append(Box(JointInvolvementFields(joint: .elbow, side: .left, score: 1)))
            }
            // Features: each visit may record one, maternal patients the first two more often.
            if Double.random(in: 0..<1, using: &rng) < onsetFeatureBoost {
                parts.append(Box(PhenotypicFeatureFields(hpoId: Self.features[Int.random(in: 0..<2, using: &rng)], onset: "P1Y")))
            } else {
                parts.append(Box(PhenotypicFeatureFields(hpoId: Self.features[Int.random(in: 2..<Self.features.count, using: &rng)],
                                                         onset: "P\(Int.random(in: 0...5, using: &rng))Y")))
            }
            parts.append(Box(MeasurementFields(loinc: "8302-2", name: "body height", value: Double(60 + v * 6 + Int.random(in: 0...5, using: &rng)), unit: "cm")))
            if v % 3 == 0 {
                let base = 20 + a * 2
                parts.append(Box(MeasurementFields(loinc: "8302-2", name: "lower leg length", value: (base * 10).rounded() / 10,
                                                   unit: "cm", bodySite: "lower-leg", side: .left)))
                let shortening = reached >= 3 ? 0.3 * (a - entries[2]) : 0
                parts.append(Box(MeasurementFields(loinc: "8302-2", name: "lower leg length", value: ((base + shortening) * 10).rounded() / 10,
                                                   unit: "cm", bodySite: "lower-leg", side: .right)))
            }
            if v == 0 {
                parts.append(Box(VariantFields(gene: "GNAS", hgvs: "NM_000516.7:c.565C>T", zygosity: .heterozygous,
                                               parentOfOrigin: origin, acmgClass: acmg)))
                parts.append(Box(DiagnosisFields(code: diagnosis.0, label: diagnosis.1, status: .confirmed)))
            }
            var kind = v == 0 ? "baseline" : "follow-up"
            if excise, !excisionDone, reached >= 1, v >= 1, v < days.count - 1 {
                excisionDone = true
                kind = "surgery"
                let recurrenceAge = a + recurrenceDelay
                let recurred = recurrenceAge <= lastAge
                let recurrenceDate = recurred ? birth.adding(days: Int((recurrenceAge * 365.25).rounded())) : nil
                parts.append(Box(ProcedureFields(kind: .excision, date: date.description, lesionId: "L1",
                                                 recurrence: recurred, recurrenceDate: recurrenceDate?.description)))
            }
            visits.append((VisitFields(date: date.description, kind: kind), parts))
        }
        return SyntheticPatient(patient: patient, visits: visits)
    }
}
