/// Status used for risk: testing, or inference from affection and descendants.
enum EffectiveStatus: Equatable {
    case carrier, presumedCarrier, obligateCarrier, noncarrier, untested

    var carries: Bool { self == .carrier || self == .presumedCarrier || self == .obligateCarrier }

    var note: String? {
        switch self {
        case .presumedCarrier: "affected, not tested: presumed to carry the variant"
        case .obligateCarrier: "not tested, but has a carrier parent and a carrier child: an obligate carrier"
        default: nil
        }
    }
}

extension FamilyRisk {
    /// Risk for the children and future children of one parent of known status, without a pedigree
    /// (`ossify risk --parent father --parent-status carrier`).
    public static func forChild(of parent: ParentRole, status: Pedigree.CarrierStatus,
                                knowledge: InheritanceKnowledge) -> FamilyRisk {
        let entry: RiskEntry
        let phen = knowledge.phenotype(for: parent.origin)
        switch status {
        case .carrier:
            entry = RiskEntry(individual: nil, relation: "future child of the \(parent.rawValue)",
                              chance: .probability(knowledge.transmission.probability),
                              chanceText: percent(knowledge.transmission.probability),
                              transmittingParent: parent.origin, expectedPhenotypes: phen?.expectedPhenotypes ?? [],
                              phenotypeText: phen?.text, inheritanceTerm: phen?.inheritanceTerm.id,
                              explanation: knowledge.transmission.text,
                              sources: unique([knowledge.transmission.source, phen?.source].compactMap { $0 }))
        case .noncarrier:
            entry = RiskEntry(individual: nil, relation: "future sibling of a child with the variant (the \(parent.rawValue) tested negative)",
                              chance: .lowButNotZero, chanceText: knowledge.parentsTestedNegative.text,
                              transmittingParent: parent.origin, expectedPhenotypes: phen?.expectedPhenotypes ?? [],
                              phenotypeText: phen.map { "if transmitted through germline mosaicism in the \(parent.rawValue): " + $0.text },
                              inheritanceTerm: phen?.inheritanceTerm.id,
                              explanation: knowledge.parentsTestedNegative.detail ?? knowledge.parentsTestedNegative.text,
                              sources: unique([knowledge.parentsTestedNegative.source]))
        case .untested:
            entry = RiskEntry(individual: nil, relation: "future child of the \(parent.rawValue) (not tested)",
                              chance: .unknownUntilTested, chanceText: knowledge.parentsUntested.text,
                              transmittingParent: parent.origin, expectedPhenotypes: phen?.expectedPhenotypes ?? [],
                              phenotypeText: phen.map { "if the \(parent.rawValue) carries it: " + $0.text },
                              inheritanceTerm: phen?.inheritanceTerm.id,
                              explanation: knowledge.parentsUntested.detail ?? knowledge.parentsUntested.text,
                              sources: unique([knowledge.parentsUntested.source]))
        }
        let steps = status == .untested ? ["Test the \(parent.rawValue) for the family GNAS variant."] : []
        return FamilyRisk(proband: nil, probandOrigin: nil, entries: [entry], nextSteps: steps,
                          knowledgeVersion: knowledge.version)
    }

    /// Risks for every untested child in the pedigree and for future children of carriers and of
    /// the proband's parents. `proband` is an individual id (unique in the file, or with `family`).
    public static func compute(_ pedigree: Pedigree, proband probandID: String, family: String? = nil,
                               knowledge: InheritanceKnowledge) throws(PedigreeError) -> FamilyRisk {
        let matches = pedigree.individuals.filter { $0.id == probandID && (family == nil || $0.family == family) }
        guard let proband = matches.first else {
            throw PedigreeError(file: "pedigree", line: 0, message: "the proband is not in the pedigree")
        }
        guard matches.count == 1 else {
            throw PedigreeError(file: "pedigree", line: 0, message: "the proband id appears in several families; name the family")
        }
        let people = pedigree.individuals.filter { $0.family == proband.family }
        let byID = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let status = effectiveStatuses(people, byID: byID)
        func st(_ id: String?) -> EffectiveStatus { id.flatMap { status[$0] } ?? .untested }

        var entries: [RiskEntry] = []
        var steps: [String] = []
        let probandCarries = st(proband.id).carries
        if !probandCarries {
            steps.append("Confirm the GNAS variant in the proband \(proband.id) (GNAS sequencing) before counselling relatives.")
        }

        // The proband's origin.
        let fatherStatus = st(proband.father), motherStatus = st(proband.mother)
        let origin: ParentOfOrigin
        if fatherStatus.carries && !motherStatus.carries { origin = .paternal } else if motherStatus.carries && !fatherStatus.carries { origin = .maternal } else if fatherStatus == .noncarrier && motherStatus == .noncarrier { origin = .deNovo } else { origin = .unknown }
        if probandCarries {
            if fatherStatus == .untested { steps.append("Test the father\(proband.father.map { " (\($0))" } ?? "") for the proband's GNAS variant: paternal inheritance means PPHP/POH/osteoma cutis spectrum and 50% risk to siblings.") }
            if motherStatus == .untested { steps.append("Test the mother\(proband.mother.map { " (\($0))" } ?? "") for the proband's GNAS variant: maternal inheritance means PHP1A/PHP1C and 50% risk to siblings.") }
        }

        // Untested children in the family.
        for person in people where status[person.id] == .untested || status[person.id] == .presumedCarrier {
            if status[person.id] == .presumedCarrier {
                if person.id != proband.id { steps.append("Test \(person.id) (affected, not tested) for the family variant.") }
                continue
            }
            let parents = [person.father, person.mother].compactMap { $0 }.compactMap { byID[$0] }
            guard !parents.isEmpty else { continue }
            let carrierParents = parents.filter { st($0.id).carries }
            if let entry = childEntry(person, parents: parents, carrierParents: carrierParents, people: people,
                                      status: status, knowledge: knowledge) {
                entries.append(entry)
            }
        }

        // Future children of every carrier.
        for person in people where st(person.id).carries {
            let o: ParentOfOrigin = person.sex == .male ? .paternal : person.sex == .female ? .maternal : .unknown
            entries.append(transmitted(individual: nil, relation: "future child of \(person.id)", from: [(person, o)],
                                       note: st(person.id).note, knowledge: knowledge))
        }
        // Future siblings of the proband when no parent carries it.
        if probandCarries, !fatherStatus.carries, !motherStatus.carries, proband.father != nil || proband.mother != nil {
            let parentsText = [proband.father, proband.mother].compactMap { $0 }.joined(separator: " and ")
            entries.append(siblingEntry(individual: nil, relation: "future child of \(parentsText) (sibling of \(proband.id))",
                                        bothNegative: origin == .deNovo, knowledge: knowledge))
        }
        return FamilyRisk(proband: proband.id, probandOrigin: origin, entries: entries, nextSteps: steps,
                          knowledgeVersion: knowledge.version)
    }

    static func effectiveStatuses(_ people: [Pedigree.Individual], byID: [String: Pedigree.Individual]) -> [String: EffectiveStatus] {
        var status: [String: EffectiveStatus] = [:]
        for p in people {
            switch p.carrier {
            case .carrier: status[p.id] = .carrier
            case .noncarrier: status[p.id] = .noncarrier
            case .untested: status[p.id] = p.affected == .affected ? .presumedCarrier : .untested
            }
        }
        // Obligate carriers: untested, with a carrying parent and a carrying child.
        var changed = true
        while changed {
            changed = false
            for p in people where status[p.id] == .untested {
                let parentCarries = [p.father, p.mother].compactMap { $0 }.contains { status[$0]?.carries == true }
                let childCarries = people.contains { ($0.father == p.id || $0.mother == p.id) && status[$0.id]?.carries == true }
                if parentCarries && childCarries {
                    status[p.id] = .obligateCarrier
                    changed = true
                }
            }
        }
        return status
    }

    private static func childEntry(_ person: Pedigree.Individual, parents: [Pedigree.Individual],
                                   carrierParents: [Pedigree.Individual], people: [Pedigree.Individual],
                                   status: [String: EffectiveStatus], knowledge: InheritanceKnowledge) -> RiskEntry? {
        let relation = "child of " + parents.map(\.id).joined(separator: " and ")
        if !carrierParents.isEmpty {
            let from = carrierParents.map { p -> (Pedigree.Individual, ParentOfOrigin) in
                (p, p.id == person.father ? .paternal : .maternal)
            }
            return transmitted(individual: person.id, relation: relation, from: from,
                               note: carrierParents.compactMap { status[$0.id]?.note }.first, knowledge: knowledge)
        }
        // No carrying parent: does a full sibling carry it?
        let siblingCarries = people.contains { s in
            s.id != person.id && s.father == person.father && s.mother == person.mother
                && (s.father != nil || s.mother != nil) && status[s.id]?.carries == true
        }
        let allNegative = parents.allSatisfy { status[$0.id] == .noncarrier } && parents.count == 2
        if siblingCarries {
            return siblingEntry(individual: person.id, relation: relation, bothNegative: allNegative, knowledge: knowledge)
        }
        if parents.allSatisfy({ status[$0.id] == .noncarrier }) {
            return RiskEntry(individual: person.id, relation: relation, chance: .populationLevel,
                             chanceText: knowledge.noncarrierParent.text, transmittingParent: nil,
                             expectedPhenotypes: [], phenotypeText: nil, inheritanceTerm: nil,
                             explanation: "no parent carries the variant", sources: unique([knowledge.noncarrierParent.source]))
        }
        return nil
    }

    private static func siblingEntry(individual: String?, relation: String, bothNegative: Bool,
                                     knowledge: InheritanceKnowledge) -> RiskEntry {
        let s = bothNegative ? knowledge.parentsTestedNegative : knowledge.parentsUntested
        return RiskEntry(individual: individual, relation: relation,
                         chance: bothNegative ? .lowButNotZero : .unknownUntilTested, chanceText: s.text,
                         transmittingParent: nil, expectedPhenotypes: [],
                         phenotypeText: "follows the parent who transmits it: father -> \(knowledge.byTransmittingParent.paternal.expectedPhenotypes.joined(separator: "/")); mother -> \(knowledge.byTransmittingParent.maternal.expectedPhenotypes.joined(separator: "/"))",
                         inheritanceTerm: nil, explanation: s.detail ?? s.text, sources: unique([s.source]))
    }

    private static func transmitted(individual: String?, relation: String,
                                    from carriers: [(Pedigree.Individual, ParentOfOrigin)], note: String?,
                                    knowledge: InheritanceKnowledge) -> RiskEntry {
        let p = knowledge.transmission.probability
        // Independent transmission from each carrying parent: P(at least one) = 1 - (1 - p)^n.
        var none = 1.0
        for _ in carriers { none *= 1 - p }
        let chance = 1 - none
        let phenotypes = carriers.compactMap { knowledge.phenotype(for: $0.1) }
        let origin: ParentOfOrigin? = carriers.count == 1 ? carriers[0].1 : nil
        var explanation = knowledge.transmission.text
        if carriers.count > 1 { explanation += "; both parents carry a variant: chance of inheriting at least one" }
        if let note { explanation += "; " + note }
        let phenotypeText: String? = if carriers.count == 1, carriers[0].1 == .unknown {
            "depends on the sex of \(carriers[0].0.id) (not recorded): father -> PPHP/POH/osteoma cutis, mother -> PHP1A/PHP1C"
        } else {
            phenotypes.isEmpty ? nil : phenotypes.map(\.text).joined(separator: "; ")
        }
        return RiskEntry(individual: individual, relation: relation, chance: .probability(chance),
                         chanceText: percent(chance), transmittingParent: origin,
                         expectedPhenotypes: phenotypes.flatMap(\.expectedPhenotypes),
                         phenotypeText: phenotypeText,
                         inheritanceTerm: phenotypes.count == 1 ? phenotypes[0].inheritanceTerm.id : nil,
                         explanation: explanation,
                         sources: unique([knowledge.transmission.source] + phenotypes.map(\.source)))
    }

    /// Source keys, split ("S1, S9") and without repeats.
    static func unique(_ list: [String]) -> [String] {
        var seen: Set<String> = []
        return list.flatMap { $0.split(separator: ",").map { String($0.drop(while: \.isWhitespace)) } }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    static func percent(_ p: Double) -> String {
        let scaled = (p * 1000).rounded() / 10
        return scaled == scaled.rounded() ? "\(Int(scaled))%" : "\(scaled)%"
    }
}
