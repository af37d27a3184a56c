import Ontology

/// Judges each criterion from the facts. Pure: no I/O.
struct SpectrumCriteria {
    let knowledge: SpectrumKnowledge
    let facts: SpectrumFacts
    let transcript: GNASTranscript?

    func judgeAll() -> [CriterionResult] {
        var results: [CriterionID: CriterionResult] = [:]
        for id in CriterionID.allCases {
            results[id] = judge(id, results)
        }
        return CriterionID.allCases.compactMap { results[$0] }
    }

    func result(_ id: CriterionID, _ status: CriterionStatus, _ evidence: [String]) -> CriterionResult {
        let d = knowledge.definition(id)
        return CriterionResult(id: id, name: d?.name ?? id.rawValue, status: status, evidence: evidence,
                               source: knowledge.citation(d?.source ?? ""), unconfirmed: d?.unconfirmed ?? false)
    }

    /// Observed terms of the definition, as evidence strings.
    func observedTerms(_ id: CriterionID) -> [String] {
        (knowledge.definition(id)?.terms ?? []).filter { facts.has($0.id) }.map { facts.describeHit($0) }
    }

    /// Every exclusion term excluded (or, with `exclusionAny`, one of them): the criterion is not met.
    private func allExclusionTermsExcluded(_ id: CriterionID) -> Bool {
        guard let d = knowledge.definition(id), let terms = d.exclusionTerms, !terms.isEmpty else { return false }
        return d.exclusionAny == true ? terms.contains(where: facts.lacks) : terms.allSatisfy(facts.lacks)
    }

    func lesionText(_ l: Lesion) -> String {
        var s = [l.side?.rawValue, l.region].compactMap { $0 }.joined(separator: " ")
        if let d = l.depth { s += ", \(d.rawValue)" }
        if let a = l.age { s += ", at \(a)" }
        return "lesion: " + s
    }

    private func judge(_ id: CriterionID, _ done: [CriterionID: CriterionResult]) -> CriterionResult {
        let deep = Set(knowledge.depths.deep), superficial = Set(knowledge.depths.superficial)
        switch id {
        case .heterotopicOssification:
            let evidence = facts.lesions.map(lesionText) + observedTerms(id)
            if !evidence.isEmpty { return result(id, .met, evidence) }
            if allExclusionTermsExcluded(id) { return result(id, .notMet, ["ectopic ossification excluded"]) }
            return result(id, .unknown, ["no lesion or ossification term recorded"])

        case .cutaneousOssification:
            let lesions = facts.lesions.filter { $0.depth.map(superficial.contains) ?? false }
            let evidence = lesions.map(lesionText) + observedTerms(id)
            if !evidence.isEmpty { return result(id, .met, evidence) }
            if allExclusionTermsExcluded(id) { return result(id, .notMet, ["osteoma cutis and subcutaneous ossification excluded"]) }
            if done[.heterotopicOssification]?.status == .notMet { return result(id, .notMet, ["no heterotopic ossification"]) }
            // Deep lesions alone do not show that the skin is free: that takes an explicit exclusion.
            if !facts.lesions.isEmpty, facts.lesions.allSatisfy({ $0.depth.map(deep.contains) ?? false }) {
                return result(id, .unknown, ["every recorded lesion is deep; the skin is not described (exclude HP:0025027 and HP:0034282 if it is free)"])
            }
            return result(id, .unknown, ["no lesion in dermis or subcutis recorded"])

        case .deepOssification:
            let lesions = facts.lesions.filter { $0.depth.map(deep.contains) ?? false }
            let evidence = lesions.map(lesionText) + observedTerms(id)
            if !evidence.isEmpty { return result(id, .met, evidence) }
            if allExclusionTermsExcluded(id) { return result(id, .notMet, ["ossification of muscle, tendon and ligament excluded"]) }
            if done[.heterotopicOssification]?.status == .notMet { return result(id, .notMet, ["no heterotopic ossification"]) }
            if !facts.lesions.isEmpty, facts.lesions.allSatisfy({ $0.depth.map(superficial.contains) ?? false }) {
                return result(id, .notMet, ["every recorded lesion is in dermis or subcutis"])
            }
            return result(id, .unknown, ["the depth of the ossification is not recorded"])

        case .progression:
            return judgeProgression()

        case .ahoFeatures:
            return judgeAHO()

        case .pthResistance, .tshResistance:
            let d = knowledge.definition(id)
            let hits = observedTerms(id)
            let support = (d?.supportive ?? []).filter { facts.has($0.id) }.map { "supportive: " + facts.describeHit($0) }
            if !hits.isEmpty { return result(id, .met, hits + support) }
            let normalLab = facts.labs.filter { $0.analyteID == d?.labAnalyte && $0.flag == .normal }
            if !normalLab.isEmpty {
                return result(id, .notMet, normalLab.map { "\($0.analyteName) \(SpectrumFacts.format($0.conventional.value)) \($0.conventional.unit): normal" } + support)
            }
            if let first = d?.terms?.first, facts.lacks(first.id) {
                return result(id, .notMet, ["\(first.label) (\(first.id)) excluded"] + support)
            }
            return result(id, .unknown, ["not measured"] + support)

        case .hormoneResistance:
            // Not met only when both are known not met: an unmeasured TSH leaves it open.
            let pth = done[.pthResistance]?.status ?? .unknown, tsh = done[.tshResistance]?.status ?? .unknown
            let text = "PTH resistance \(pth.rawValue); TSH resistance \(tsh.rawValue)"
            if pth == .met || tsh == .met { return result(id, .met, [text]) }
            if pth == .notMet, tsh == .notMet { return result(id, .notMet, [text]) }
            return result(id, .unknown, [text])

        case .gnasVariant:
            return judgeGNASVariant()

        case .paternalOrigin, .maternalOrigin:
            let found = gnasVariants()
            guard !found.isEmpty else { return result(id, .unknown, ["no GNAS variant recorded"]) }
            let wanted: ParentOfOrigin = id == .paternalOrigin ? .paternal : .maternal
            let origins = found.compactMap(\.origin)
            if origins.contains(wanted) { return result(id, .met, ["inherited from the \(wanted == .paternal ? "father" : "mother")"]) }
            if let other = origins.first(where: { $0 == .paternal || $0 == .maternal }) {
                return result(id, .notMet, ["inherited from the \(other == .paternal ? "father" : "mother")"])
            }
            if origins.contains(.deNovo) { return result(id, .unknown, ["de novo: the parental allele is unknown unless phased"]) }
            return result(id, .unknown, ["parent of origin not recorded"])

        case .exon13:
            let found = gnasVariants()
            guard !found.isEmpty else { return result(id, .unknown, ["no GNAS variant recorded"]) }
            guard let transcript else { return result(id, .unknown, ["no transcript data"]) }
            var exons: [Int] = []
            for v in gsAlphaVariants() {
                guard let parsed = Self.parse(v) else { continue }
                exons += VariantConsequence(parsed, transcript: transcript).location.compactMap(\.exon)
            }
            if exons.contains(13) { return result(id, .met, ["exon 13"]) }
            if !exons.isEmpty { return result(id, .notMet, exons.map { "exon \($0)" }) }
            return result(id, .unknown, [transcript.exonsUnknownReason])

        case .methylationDefect:
            return judgeMethylation()

        case .acvr1Variant:
            return judgeACVR1()

        case .greatToeMalformation:
            let hits = observedTerms(id)
            if !hits.isEmpty { return result(id, .met, hits) }
            if allExclusionTermsExcluded(id) {
                let excluded = (knowledge.definition(id)?.exclusionTerms ?? []).filter(facts.lacks).map(\.description)
                return result(id, .notMet, ["great toes examined, normal (\(excluded.joined(separator: ", ")) excluded)"])
            }
            return result(id, .unknown, ["great toes not described"])

        case .lesionIsBone:
            return judgeLesionNature(done)

        case .calcinosisFeatures:
            let hits = observedTerms(id)
            if !hits.isEmpty { return result(id, .met, hits) }
            if facts.tests.lesionImaging == .bone { return result(id, .notMet, ["imaging or histology shows bone"]) }
            return result(id, .unknown, ["no calcinosis, myositis or raised creatine kinase recorded"])

        case .gsAlphaReduced:
            switch facts.tests.gsAlphaActivity {
            case .reduced?: return result(id, .met, ["erythrocyte Gs-alpha activity reduced"])
            case .normal?: return result(id, .notMet, ["erythrocyte Gs-alpha activity normal"])
            case nil: return result(id, .unknown, ["erythrocyte Gs-alpha activity not measured"])
            }

        case .fopFlareUps:
            return judgeFlareUps(done)
        }
    }

    static func containsWord(_ text: String, _ word: String) -> Bool {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.lowercased() }
        let w = word.lowercased().split(separator: " ").map(String.init)
        guard !w.isEmpty, words.count >= w.count else { return false }
        for i in 0...(words.count - w.count) where Array(words[i..<i + w.count]) == w { return true }
        return false
    }

    // MARK: GNAS

    /// GNAS findings that are sequence variants: gene GNAS or a GNAS transcript, and not a
    /// methylation result, and not on a transcript of another gene.
    func gnasVariants() -> [VariantObservation] {
        let d = knowledge.definition(.gnasVariant)
        let genes = Set((d?.genes ?? []).map { $0.uppercased() })
        let methylationWords = knowledge.definition(.methylationDefect)?.keywords ?? []
        return facts.variants.filter { v in
            let text = [v.hgvs, v.zygosity].compactMap { $0 }.joined(separator: " ")
            if methylationWords.contains(where: { Self.containsWord(text, $0) }) { return false }
            if let entry = knowledge.transcriptEntry(v.hgvs) { return genes.contains(entry.gene.uppercased()) }
            if let g = v.gene?.uppercased(), genes.contains(g) { return true }
            return false
        }
    }

    /// The GNAS variants in Gs-alpha c. numbering (NM_000516, or a bare c. description with gene GNAS).
    func gsAlphaVariants() -> [VariantObservation] {
        gnasVariants().filter { v in knowledge.transcriptEntry(v.hgvs).map { $0.isoform == "Gs-alpha" } ?? true }
    }

    /// The HGVS of an observation; a bare `c.` description takes the observation's gene.
    static func parse(_ v: VariantObservation) -> HGVSVariant? {
        guard let h = v.hgvs, var parsed = try? HGVSVariant(parsing: h) else { return nil }
        if parsed.reference == nil, parsed.gene == nil { parsed.gene = v.gene }
        return parsed
    }

    func variantText(_ v: VariantObservation) -> String {
        var parts = ["GNAS"]
        if let entry = knowledge.transcriptEntry(v.hgvs), entry.isoform != "Gs-alpha" {
            parts.append("\(v.hgvs ?? ""): on \(entry.accession) (GNAS \(entry.isoform)), not Gs-alpha (NM_000516); its effect on Gs-alpha is not assessed")
        } else if let h = v.hgvs {
            do {
                var parsed = try HGVSVariant(parsing: h)
                if parsed.reference == nil, parsed.gene == nil { parsed.gene = v.gene }
                let c = VariantConsequence(parsed, transcript: transcript)
                parts.append("\(parsed.description): \(c.consequence.rawValue), loss of function \(c.lossOfFunction.rawValue)")
                if let exon = c.location.compactMap(\.exon).first { parts.append("exon \(exon)") }
            } catch {
                parts.append("HGVS not readable (\(error.description))")
            }
        }
        if let o = v.origin { parts.append(o.rawValue) }
        return parts.joined(separator: ", ")
    }

    // MARK: Progression

    /// Deeper tissue, or a new body region, at a later age than earlier observations.
    private func judgeProgression() -> CriterionResult {
        let id = CriterionID.progression
        var evidence = facts.progressiveTerms.map { "\($0) recorded as progressive (HP:0003676)" }
        let dated = facts.lesions.filter { $0.age != nil }.sorted { ($0.age ?? Age()) < ($1.age ?? Age()) }
        let ages = Set(dated.compactMap { $0.age?.totalDays })
        for lesion in dated {
            guard let age = lesion.age else { continue }
            let earlier = dated.filter { ($0.age?.totalDays ?? 0) < age.totalDays }
            guard !earlier.isEmpty else { continue }
            if let depth = lesion.depth {
                let earlierDepths = earlier.compactMap(\.depth)
                if let maxEarlier = earlierDepths.max(), depth > maxEarlier {
                    evidence.append("deeper at \(age): \(depth.rawValue), earlier at most \(maxEarlier.rawValue)")
                }
            }
            if !earlier.contains(where: { Self.sameRegion($0, lesion) }) {
                evidence.append("new region at \(age): \(lesionText(lesion).dropFirst("lesion: ".count))")
            }
        }
        if !evidence.isEmpty { return result(id, .met, evidence) }
        if ages.count >= 2 {
            return result(id, .notMet, ["\(ages.count) dated observations without deeper tissue or new regions"])
        }
        return result(id, .unknown, [dated.isEmpty ? "no dated lesion observations" : "a single dated observation"])
    }

    /// Same body region; a missing side matches either side.
    static func sameRegion(_ a: Lesion, _ b: Lesion) -> Bool {
        a.region.lowercased().trimmed(" ") == b.region.lowercased().trimmed(" ")
            && (a.side == nil || b.side == nil || a.side == b.side)
    }

    // MARK: AHO

    private func judgeAHO() -> CriterionResult {
        let id = CriterionID.ahoFeatures
        let groups = knowledge.definition(id)?.featureGroups ?? []
        var present: [String] = [], absent: [String] = [], unassessed: [String] = []
        for g in groups {
            let hits = g.terms.filter { facts.has($0.id) }
            if !hits.isEmpty {
                present.append("\(g.label): " + hits.map { facts.describeHit($0) }.joined(separator: ", "))
            } else if g.terms.contains(where: { facts.lacks($0.id) }) {
                absent.append(g.label)
            } else {
                unassessed.append(g.label)
            }
        }
        let threshold = knowledge.thresholds.ahoFeaturesForMultiple.value
        var evidence = ["\(present.count) of \(groups.count) AHO feature groups present (multiple means \(threshold) or more)"]
        evidence += present.map { "present: " + $0 }
        if !absent.isEmpty { evidence.append("absent: " + absent.joined(separator: ", ")) }
        if !unassessed.isEmpty { evidence.append("not assessed: " + unassessed.joined(separator: ", ")) }
        if present.count >= threshold { return result(id, .met, evidence) }
        // Not met only when the groups not yet examined could no longer reach the threshold.
        if present.count + unassessed.count < threshold { return result(id, .notMet, evidence) }
        return result(id, .unknown, evidence)
    }

    /// AHO groups neither observed nor excluded: could still tip the count over the threshold.
    func ahoCouldChange() -> Bool {
        let groups = knowledge.definition(.ahoFeatures)?.featureGroups ?? []
        let present = groups.filter { g in g.terms.contains { facts.has($0.id) } }.count
        let open = groups.filter { g in !g.terms.contains { facts.has($0.id) || facts.lacks($0.id) } }.count
        let threshold = knowledge.thresholds.ahoFeaturesForMultiple.value
        return present < threshold && present + open >= threshold
    }
}

private extension String {
    func trimmed(_ character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}
