/// Classifies a patient within the GNAS heterotopic-ossification spectrum.
///
/// Judges every criterion of `knowledge` from the record (phenotypes with their descendants through
/// `hierarchy`, labs read through `labs`, dated lesions, variants, test results) as met, not met or
/// unknown; applies the ordered rules (the first that holds gives the category); the call is
/// definite only when every criterion its rule rests on is known. Lists the unknowns, the tests that
/// would resolve them (most informative first), conflicts between genetics and biochemistry, the FOP
/// precautions while FOP is not excluded and the follow-up screens that apply.
/// Pure: reads nothing but its arguments.
public func assessGNASSpectrum(_ record: PatientRecord, knowledge: SpectrumKnowledge, labs: LabKnowledge,
                               transcript: GNASTranscript? = nil, hierarchy: TermHierarchy = .exact) -> SpectrumAssessment {
    let facts = SpectrumFacts(record, labs: labs, hierarchy: hierarchy)
    let judge = SpectrumCriteria(knowledge: knowledge, facts: facts, transcript: transcript)
    let criteria = judge.judgeAll()
    var status: [CriterionID: CriterionStatus] = [:]
    for c in criteria { status[c.id] = c.status }

    let (rule, _) = SpectrumRules.firstMatch(knowledge.rules, status)
    let classification = rule?.classification ?? .unclassified
    let info = knowledge.info(classification)

    // The criteria the call rests on that are still unknown.
    let resting = (rule?.when.keys ?? [:].keys).compactMap(CriterionID.init(rawValue:))
    let unknownResting = criteria.filter { c in resting.contains(c.id) && c.status == .unknown }
    let conflicts = knowledge.conflicts.filter { SpectrumRules.holds($0.when, status) }
    let provisional = (rule?.provisional ?? false) || !unknownResting.isEmpty || !conflicts.isEmpty

    var steps = SpectrumNextSteps(knowledge: knowledge, status: status, rule: rule, resting: Set(resting))
        .steps(criteria)
    // Within the GNAS spectrum, molecular confirmation and the parents' testing (recurrence risk) are asked for.
    if info?.gnas == true {
        if status[.gnasVariant] == .unknown, let step = knowledge.definition(.gnasVariant)?.nextStep { steps.append(step) }
        if status[.gnasVariant] == .met, status[.paternalOrigin] == .unknown, status[.maternalOrigin] == .unknown,
           let step = knowledge.definition(.paternalOrigin)?.nextStep { steps.append(step) }
    }

    var warnings = facts.warnings + judge.hgvsWarnings()
    if status[.maternalOrigin] == .met, status[.hormoneResistance] == .notMet {
        warnings.append("a maternally inherited GNAS variant without hormone resistance: repeat PTH and TSH, resistance can appear over time")
    }
    if status[.greatToeMalformation] == .met, status[.gnasVariant] == .met {
        warnings.append("a great-toe malformation is an FOP red flag, but a GNAS variant is recorded: consider ACVR1 testing")
    }

    // FOP precautions while FOP is suspected (red flags) or, with deep ossification that did not start
    // in the skin (FOP has no skin ossification), not yet excluded by ACVR1 or explained by GNAS.
    let redFlag = status[.greatToeMalformation] == .met || status[.fopFlareUps] == .met
    let deepUnexplained = status[.deepOssification] == .met && status[.cutaneousOssification] != .met
        && status[.acvr1Variant] != .notMet && status[.gnasVariant] != .met
    let fopOpen = classification == .fopSuspected || (redFlag && status[.acvr1Variant] != .notMet) || deepUnexplained
    // While FOP is open, ACVR1 testing comes first.
    if fopOpen, status[.acvr1Variant] == .unknown, let step = knowledge.definition(.acvr1Variant)?.nextStep {
        steps.insert(step, at: 0)
    }
    var seen: Set<String> = []
    steps = steps.filter { seen.insert($0).inserted }
    let differential = classification == .calcinosis || status[.calcinosisFeatures] == .met ? knowledge.calcinosisDifferential : nil

    let followUp = knowledge.followUp.screens.filter { $0.appliesTo.contains(classification) }.map(\.screen)
    // iPPSD2/3 need the molecular result (Thiele 2016): iPPSDx otherwise.
    let molecular = status[.gnasVariant] == .met || status[.methylationDefect] == .met
    let ippsd = info?.ippsd.map {
        IPPSDName(name: molecular ? $0 : "iPPSDx", unconfirmed: knowledge.ippsd.unconfirmed, source: knowledge.citation(knowledge.ippsd.source),
                  note: molecular ? knowledge.ippsd.note : "no molecular result: iPPSDx until GNAS testing names the subtype")
    }
    let name = info?.name ?? classification.rawValue
    let reason = rule?.reason ?? "no rule matched"
    var summary = "\(name)\(provisional ? ", provisional" : ""): \(reason)."
    if !conflicts.isEmpty { summary += " CONFLICT: " + conflicts.map(\.text).joined(separator: "; ") + "." }
    if fopOpen { summary += " FOP precautions apply: no biopsy, no elective surgery, no intramuscular injections." }
    if !steps.isEmpty {
        summary += " Next: \(steps.count) \(steps.count == 1 ? "test or examination" : "tests or examinations") to confirm or change the call."
    }

    return SpectrumAssessment(
        classification: classification, name: name, omim: info?.omim, mondo: info?.mondo, orpha: info?.orpha,
        ippsd: ippsd, provisional: provisional, reason: reason,
        ruleSource: knowledge.citation(rule?.source ?? ""), ruleUnconfirmed: rule?.unconfirmed ?? false,
        criteria: criteria, unknowns: unknownResting.map(\.name),
        conflicts: conflicts.map { "CONFLICT: \($0.text) [\(knowledge.citation($0.source))]" },
        precautions: fopOpen ? knowledge.cited(knowledge.fopPrecautions) : nil, differential: differential.map(knowledge.cited),
        nextSteps: steps, followUp: followUp,
        followUpSource: knowledge.citation(knowledge.followUp.source), followUpUnconfirmed: knowledge.followUp.unconfirmed,
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
