/// The tests that resolve the unknowns of a call: every unknown criterion the call rests on, and
/// every unknown criterion whose answer would change the category; most informative first (the
/// number of different categories its answers lead to), then in the order of the knowledge file.
struct SpectrumNextSteps {
    let knowledge: SpectrumKnowledge
    let status: [CriterionID: CriterionStatus]
    let rule: SpectrumKnowledge.Rule?
    let resting: Set<CriterionID>

    private var classification: SpectrumClass { rule?.classification ?? .unclassified }

    /// The status map with `id` answered, the combined hormone criterion recomputed.
    private func answered(_ id: CriterionID, _ answer: CriterionStatus) -> [CriterionID: CriterionStatus] {
        var s = status
        s[id] = answer
        if id == .pthResistance || id == .tshResistance {
            let pth = s[.pthResistance] ?? .unknown, tsh = s[.tshResistance] ?? .unknown
            s[.hormoneResistance] = pth == .met || tsh == .met ? .met : (pth == .notMet && tsh == .notMet ? .notMet : .unknown)
        }
        if id == .hormoneResistance {
            s[.pthResistance] = answer
            s[.tshResistance] = answer
        }
        return s
    }

    /// The categories the two answers lead to.
    private func outcomes(_ id: CriterionID) -> Set<SpectrumClass> {
        Set([CriterionStatus.met, .notMet].map { SpectrumRules.firstMatch(knowledge.rules, answered(id, $0)).0?.classification ?? .unclassified })
    }

    func steps(_ criteria: [CriterionResult]) -> [String] {
        let hasGNAS = status[.gnasVariant] == .met
        var scored: [(score: Int, order: Int, step: String)] = []
        for (order, c) in criteria.enumerated() where c.status == .unknown {
            var id = c.id
            // PTH and TSH: one combined step while both are unknown.
            if id == .pthResistance || id == .tshResistance {
                if status[.pthResistance] == .unknown, status[.tshResistance] == .unknown { continue }
            }
            if id == .hormoneResistance, status[.pthResistance] != .unknown || status[.tshResistance] != .unknown { continue }
            if [.paternalOrigin, .maternalOrigin, .exon13].contains(id), !hasGNAS { continue }
            if let ask = knowledge.definition(id)?.askWhen, !SpectrumRules.holds(ask, status) { continue }
            let rests = resting.contains(id) || (id == .pthResistance || id == .tshResistance) && resting.contains(.hormoneResistance)
            let leadsTo = outcomes(id)
            let changes = leadsTo.contains { $0 != classification }
            guard rests || changes else { continue }
            if id == .maternalOrigin { id = .paternalOrigin } // one step asks for the parents
            guard let step = knowledge.definition(id)?.nextStep else { continue }
            scored.append((leadsTo.union([classification]).count * 2 + (rests ? 1 : 0), order, step))
        }
        var seen: Set<String> = []
        return scored.sorted { ($0.score, -$0.order) > ($1.score, -$1.order) }.map(\.step).filter { seen.insert($0).inserted }
    }
}
