/// Classifies a patient within the GNAS heterotopic-ossification spectrum.
///
/// Judges every criterion of `knowledge` from the record (phenotypes, labs read through `labs`,
/// dated lesions, variants), applies the ordered rules (the first that holds gives the category),
/// lists the missing tests that would change the call and the follow-up screens that apply.
/// Pure: reads nothing but its arguments.
public func assessGNASSpectrum(_ record: PatientRecord, knowledge: SpectrumKnowledge, labs: LabKnowledge,
                               transcript: GNASTranscript? = nil) -> SpectrumAssessment {
    let facts = SpectrumFacts(record, labs: labs)
    let judge = SpectrumCriteria(knowledge: knowledge, facts: facts, transcript: transcript)
    let criteria = judge.judgeAll()
    var status: [CriterionID: CriterionStatus] = [:]
    for c in criteria { status[c.id] = c.status }

    let (rule, _) = SpectrumRules.firstMatch(knowledge.rules, status)
    let classification = rule?.classification ?? .unclassified
    let info = knowledge.info(classification)

    // Missing tests: unknown criteria whose answer would change the call.
    var steps: [String] = []
    let hasGNAS = status[.gnasVariant] == .met
    for c in criteria {
        var flippable = c.status == .unknown
        if c.id == .ahoFeatures, c.status == .notMet, judge.ahoCouldChange() { flippable = true }
        if [.paternalOrigin, .maternalOrigin, .exon13].contains(c.id), !hasGNAS { flippable = false }
        if let ask = knowledge.definition(c.id)?.askWhen, !SpectrumRules.holds(ask, status) { flippable = false }
        // While neither PTH nor TSH is known, the combined step asks for both.
        if (c.id == .pthResistance || c.id == .tshResistance), status[.hormoneResistance] == .unknown { flippable = false }
        guard flippable else { continue }
        // PTH and TSH act through the combined hormone-resistance criterion.
        let target: CriterionID = (c.id == .pthResistance || c.id == .tshResistance) ? .hormoneResistance : c.id
        let alternatives: [CriterionStatus] = target == c.id ? [.met, .notMet] : [.met]
        // Worth asking when the answer changes the category, or turns a provisional call definitive.
        let changes = alternatives.contains { alternative in
            var s = status
            s[target] = alternative
            let other = SpectrumRules.firstMatch(knowledge.rules, s).0
            return other?.classification != classification || (other?.provisional ?? false) != (rule?.provisional ?? false)
        }
        guard changes, let step = knowledge.definition(c.id)?.nextStep, !steps.contains(step) else { continue }
        steps.append(step)
    }

    // Within the GNAS spectrum, molecular confirmation and the parent of origin are always asked for.
    if info?.gnas == true || classification == .unclassified {
        if status[.gnasVariant] == .unknown, let step = knowledge.definition(.gnasVariant)?.nextStep, !steps.contains(step) {
            steps.append(step)
        }
        if hasGNAS, status[.paternalOrigin] == .unknown, status[.maternalOrigin] == .unknown,
           let step = knowledge.definition(.paternalOrigin)?.nextStep, !steps.contains(step) {
            steps.append(step)
        }
    }

    var warnings = facts.warnings
    if status[.paternalOrigin] == .met, status[.hormoneResistance] == .met {
        warnings.append("hormone resistance with a paternally inherited GNAS variant is unexpected: check vitamin D and the parent of origin")
    }
    if status[.maternalOrigin] == .met, status[.hormoneResistance] == .notMet {
        warnings.append("a maternally inherited GNAS variant without hormone resistance: repeat PTH and TSH, resistance can appear over time")
    }
    if status[.greatToeMalformation] == .met, hasGNAS {
        warnings.append("a great-toe malformation is an FOP red flag, but a GNAS variant is recorded: consider ACVR1 testing")
    }
    for v in judge.gnasVariants() {
        if let parsed = SpectrumCriteria.parse(v),
           VariantConsequence(parsed, transcript: transcript).lossOfFunction == .notExpected {
            warnings.append("a recorded GNAS variant is not expected to cause loss of function")
        }
    }

    let followUp = knowledge.followUp.screens.filter { $0.appliesTo.contains(classification) }.map(\.screen)
    let ippsd = info?.ippsd.map {
        IPPSDName(name: $0, unconfirmed: knowledge.ippsd.unconfirmed, source: knowledge.ippsd.source, note: knowledge.ippsd.note)
    }
    let provisional = rule?.provisional ?? false
    let name = info?.name ?? classification.rawValue
    var summary = "\(name)\(provisional ? ", provisional" : ""): \(rule?.reason ?? "no rule matched")."
    if !steps.isEmpty {
        summary += " Next: \(steps.count) \(steps.count == 1 ? "test or examination" : "tests or examinations") to confirm or change the call."
    }

    return SpectrumAssessment(
        classification: classification, name: name, omim: info?.omim, mondo: info?.mondo, orpha: info?.orpha,
        ippsd: ippsd, provisional: provisional, reason: rule?.reason ?? "no rule matched",
        ruleSource: rule?.source ?? "", ruleUnconfirmed: rule?.unconfirmed ?? false,
        criteria: criteria, nextSteps: steps, followUp: followUp,
        followUpSource: knowledge.followUp.source, followUpUnconfirmed: knowledge.followUp.unconfirmed,
        labs: facts.labs, warnings: warnings, summary: summary, knowledgeVersion: knowledge.version)
}

enum SpectrumRules {
    static func holds(_ when: [String: SpectrumKnowledge.Requirement], _ status: [CriterionID: CriterionStatus]) -> Bool {
        when.allSatisfy { key, requirement in
            guard let id = CriterionID(rawValue: key) else { return false }
            return requirement.holds(status[id] ?? .unknown)
        }
    }

    /// The first rule whose requirements all hold, with its index.
    static func firstMatch(_ rules: [SpectrumKnowledge.Rule], _ status: [CriterionID: CriterionStatus]) -> (SpectrumKnowledge.Rule?, Int?) {
        for (index, rule) in rules.enumerated() {
            if holds(rule.when, status) { return (rule, index) }
        }
        return (nil, nil)
    }
}
