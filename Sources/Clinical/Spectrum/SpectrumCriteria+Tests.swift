/// The criteria that test results decide: GNAS sequencing and methylation, ACVR1, lesion imaging,
/// and the FOP flare-up pattern.
extension SpectrumCriteria {
    func judgeGNASVariant() -> CriterionResult {
        let id = CriterionID.gnasVariant
        let found = gnasVariants()
        if !found.isEmpty { return result(id, .met, found.map(variantText)) }
        switch facts.tests.gnasSequencing {
        case .negative?:
            return result(id, .notMet, ["GNAS sequencing negative (no Gs-alpha variant found)"])
        case .variant?:
            return result(id, .met, ["GNAS sequencing: variant found (no HGVS given)"])
        case .notDone?:
            return result(id, .unknown, ["GNAS sequencing not done"])
        case nil:
            return result(id, .unknown, ["no GNAS result recorded"])
        }
    }

    func judgeMethylation() -> CriterionResult {
        let id = CriterionID.methylationDefect
        if let m = facts.tests.gnasMethylation {
            return m.isDefect ? result(id, .met, ["GNAS methylation analysis: \(m.rawValue)"])
                : result(id, .notMet, ["GNAS methylation analysis normal"])
        }
        let d = knowledge.definition(id)
        let genes = Set((d?.genes ?? []).map { $0.uppercased() })
        let keywords = d?.keywords ?? []
        let hits = facts.variants.filter { v in
            if let g = v.gene?.uppercased(), genes.contains(g) { return true }
            let text = [v.hgvs, v.zygosity].compactMap { $0 }.joined(separator: " ")
            return keywords.contains { Self.containsWord(text, $0) }
        }
        if !hits.isEmpty {
            return result(id, .met, hits.map { "methylation or imprinting finding" + ($0.gene.map { " (\($0))" } ?? "") })
        }
        return result(id, .unknown, ["no methylation analysis recorded"])
    }

    func judgeACVR1() -> CriterionResult {
        let id = CriterionID.acvr1Variant
        let genes = Set((knowledge.definition(id)?.genes ?? []).map { $0.uppercased() })
        let hits = facts.variants.filter { v in
            if let entry = knowledge.transcriptEntry(v.hgvs) { return genes.contains(entry.gene.uppercased()) }
            return v.gene.map { genes.contains($0.uppercased()) } ?? false
        }
        if !hits.isEmpty { return result(id, .met, hits.map { "ACVR1 variant" + ($0.hgvs.map { " \($0)" } ?? "") }) }
        switch facts.tests.acvr1 {
        case .variant?: return result(id, .met, ["ACVR1 variant found"])
        case .negative?: return result(id, .notMet, ["ACVR1 testing negative"])
        case nil: return result(id, .unknown, ["no ACVR1 result recorded"])
        }
    }

    /// Whether the lesions are bone: imaging or histology decides; calcinosis features without it
    /// leave the question open; ossification findings with nothing suggesting calcinosis count as bone.
    func judgeLesionNature(_ done: [CriterionID: CriterionResult]) -> CriterionResult {
        let id = CriterionID.lesionIsBone
        switch facts.tests.lesionImaging {
        case .bone?: return result(id, .met, ["imaging or histology shows bone (cortex and trabeculae, lamellar bone)"])
        case .calcification?: return result(id, .notMet, ["imaging or histology shows calcification, not bone"])
        case nil: break
        }
        if done[.calcinosisFeatures]?.status == .met {
            return result(id, .unknown, ["calcinosis features recorded: imaging or histology must show whether the lesions are bone"])
        }
        if done[.heterotopicOssification]?.status == .met {
            return result(id, .met, ["recorded as ossification; nothing suggests calcinosis"])
        }
        return result(id, .unknown, ["no lesion recorded"])
    }

    /// Flare-ups (episodic painful swellings before new bone) with lesions starting in an axial or
    /// proximal region, the FOP pattern.
    func judgeFlareUps(_ done: [CriterionID: CriterionResult]) -> CriterionResult {
        let id = CriterionID.fopFlareUps
        guard let flareUps = facts.tests.flareUps else {
            return result(id, .unknown, ["flare-ups not asked about"])
        }
        guard flareUps else { return result(id, .notMet, ["no flare-ups"]) }
        let axial = Set(knowledge.axialProximalRegions.regions.map { $0.lowercased() })
        let dated = facts.lesions.sorted { ($0.age?.totalDays ?? .infinity) < ($1.age?.totalDays ?? .infinity) }
        guard let first = dated.first else {
            return result(id, .unknown, ["flare-ups reported; where the ossification began is not recorded"])
        }
        let region = first.region.lowercased()
        if axial.contains(where: { region.contains($0) }) {
            return result(id, .met, ["flare-ups, first ossification in an axial or proximal region (\(lesionText(first)))"])
        }
        return result(id, .notMet, ["flare-ups, but the first ossification is distal (\(lesionText(first)))"])
    }
}

extension SpectrumCriteria {
    /// Gene/transcript mismatches, variants on GNAS transcripts other than Gs-alpha, unreadable or
    /// non-LoF GNAS variants. Never the patient's variant text.
    func hgvsWarnings() -> [String] {
        var warnings: [String] = []
        for v in facts.variants {
            guard let entry = knowledge.transcriptEntry(v.hgvs) else { continue }
            if let gene = v.gene, gene.uppercased() != entry.gene.uppercased() {
                warnings.append("gene \(gene) was given, but \(entry.accession) is a transcript of \(entry.gene): the variant is read as \(entry.gene)")
            }
            if entry.gene.uppercased() == "GNAS", entry.isoform != "Gs-alpha" {
                warnings.append("a variant is on \(entry.accession) (GNAS \(entry.isoform)), not on Gs-alpha NM_000516: re-express it on NM_000516 to judge Gs-alpha loss of function")
            }
        }
        for v in gsAlphaVariants() {
            if let parsed = Self.parse(v), VariantConsequence(parsed, transcript: transcript).lossOfFunction == .notExpected {
                warnings.append("a recorded GNAS variant is not expected to cause loss of function")
            }
        }
        return warnings
    }
}
