public import Clinical

/// The output of `ossify cohort progression`: the deepest tissue reached by each visit as panel
/// data, the intensities of the progressive model none → dermis → subcutis → deep → joint with
/// their 95% intervals, and the probability of deep tissue 5 and 10 years after onset (from the
/// dermis stage).
public struct ProgressionReport: Sendable, Encodable {
    public var n: Count
    /// Patients left out: fewer than two dated visits ("no follow-up").
    public var excluded: [String: Count]
    public var states: [String]
    public var data: [PanelObservation]
    public var q: [[Double]]
    public var qLower: [[Double?]]
    public var qUpper: [[Double?]]
    public var pDeep5y: Double?
    public var pDeep10y: Double?
    public var fit: MultiStateModel.Fit?

    /// The stage of a lesion depth: fascia, muscle and tendon are "deep"; a lesion without a depth
    /// counts as dermis.
    public static func state(_ depth: TissueDepth?) -> ProgressionState {
        switch depth {
        case nil, .dermis?: .dermis
        case .subcutis?: .subcutis
        case .fascia?, .muscle?, .tendonOrLigament?: .deep
        case .joint?: .joint
        }
    }

    /// Each visit's stage: the deepest stage seen at that visit or before.
    public static func observations(_ p: PatientHistory) -> [PanelObservation] {
        var stage = ProgressionState.none
        return p.visits.map { v in
            for lesion in v.lesions { stage = max(stage, state(lesion.depth)) }
            return PanelObservation(id: p.id, time: v.age, state: stage.rawValue)
        }
    }

    public init(patients: [PatientHistory], policy: SmallCountPolicy) {
        var rows: [PanelObservation] = []
        var subjects = 0, short = 0
        for p in patients {
            guard p.visits.count >= 2 else {
                short += 1
                continue
            }
            rows += Self.observations(p)
            subjects += 1
        }
        excluded = short > 0 ? [SurvivalEvent.Exclusion.noFollowUp.rawValue: policy.count(short)] : [:]
        data = rows
        n = policy.count(subjects)
        states = ProgressionState.allCases.map(\.name)
        let fit = MultiStateModel.fit(rows)
        self.fit = fit
        let size = ProgressionState.allCases.count
        q = fit?.qMatrix ?? Array(repeating: Array(repeating: 0, count: size), count: size)
        qLower = fit.map { $0.limitMatrix($0.lower) } ?? []
        qUpper = fit.map { $0.limitMatrix($0.upper) } ?? []
        pDeep5y = fit?.probability(reaching: ProgressionState.deep.rawValue, within: 5, from: ProgressionState.dermis.rawValue)
        pDeep10y = fit?.probability(reaching: ProgressionState.deep.rawValue, within: 10, from: ProgressionState.dermis.rawValue)
    }

    enum Keys: String, CodingKey {
        case n, excluded, states, data, q, qLower, qUpper, pDeep5y, pDeep10y, converged
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(n, forKey: .n)
        try c.encode(excluded, forKey: .excluded)
        try c.encode(states, forKey: .states)
        try c.encode(data, forKey: .data)
        try c.encode(q, forKey: .q)
        try c.encode(qLower, forKey: .qLower)
        try c.encode(qUpper, forKey: .qUpper)
        try c.encode(pDeep5y, forKey: .pDeep5y)
        try c.encode(pDeep10y, forKey: .pDeep10y)
        try c.encode(fit?.converged, forKey: .converged)
    }
}
