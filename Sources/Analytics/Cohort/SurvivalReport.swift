/// The output of `ossify cohort survival` and `/api/v1/cohort/survival` (the contract):
/// the records used, Kaplan-Meier curves per group, log-rank and Cox when there are groups.
public struct SurvivalReport: Sendable, Encodable {
    public var event: SurvivalEvent
    public var grouping: CohortGrouping?
    public var n: Count
    public var excluded: [String: Count]
    public var data: [SurvivalRecord]
    public var curves: [SurvivalCurve]
    public var logrank: LogRankTest?
    public var cox: [CoxTerm]
    public var coxReference: String?
    /// Numbers at risk of each group at chosen times (years).
    public var riskTimes: [Double]
    public var atRisk: [String: [Count]]
    let policy: SmallCountPolicy

    public static let defaultRiskTimes: [Double] = [0, 1, 2, 5, 10]

    /// Derives the records of `patients` for `event`, groups them and runs the analyses.
    public init(event: SurvivalEvent, patients: [PatientHistory], grouping: CohortGrouping?, policy: SmallCountPolicy,
                riskTimes: [Double] = SurvivalReport.defaultRiskTimes) {
        // Recurrence is compared by the excised lesion's morphology unless asked otherwise.
        let grouping = grouping ?? (event == .recurrence ? .morphology : nil)
        self.event = event
        self.grouping = grouping
        self.policy = policy
        var used: [SurvivalRecord] = []
        var reasons: [String: Int] = [:]
        for p in patients {
            for result in event.records(p) {
                switch result {
                case .failure(let e):
                    reasons[e.reason.rawValue, default: 0] += 1
                case .success(var record):
                    if let grouping, grouping != .morphology {
                        guard let g = grouping.value(of: p) else {
                            reasons[SurvivalEvent.Exclusion.noGroup.rawValue, default: 0] += 1
                            continue
                        }
                        record.group = g
                    } else if event != .recurrence {
                        record.group = "all"
                    }
                    used.append(record)
                }
            }
        }
        used = SurvivalRecord.timefix(used)
        data = used
        n = policy.count(used.count)
        excluded = reasons.mapValues { policy.count($0) }
        curves = KaplanMeier.fitByGroup(used)
        self.riskTimes = riskTimes
        let groups = curves.map(\.group)
        let counts = KaplanMeier.numbersAtRisk(used, groups: groups, times: riskTimes)
        atRisk = Dictionary(uniqueKeysWithValues: zip(groups, counts.map { $0.map(policy.count) }))
        logrank = LogRankTest.test(used)
        let fit = CoxModel.fit(used)
        cox = fit?.terms ?? []
        coxReference = fit?.reference
    }

    enum Keys: String, CodingKey {
        case event, group, n, excluded, data, curves, logrank, cox, coxReference, riskTimes, atRisk
    }

    enum CurveKeys: String, CodingKey {
        case group, time, nRisk, nEvent, survival, lower, upper, median, medianLower, medianUpper
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(event.rawValue, forKey: .event)
        try c.encode(grouping?.rawValue, forKey: .group)
        try c.encode(n, forKey: .n)
        try c.encode(excluded, forKey: .excluded)
        try c.encode(data, forKey: .data)
        var curvesContainer = c.nestedUnkeyedContainer(forKey: .curves)
        for curve in curves {
            var k = curvesContainer.nestedContainer(keyedBy: CurveKeys.self)
            try k.encode(curve.group, forKey: .group)
            try k.encode(curve.time, forKey: .time)
            try k.encode(curve.nRisk.map(policy.count), forKey: .nRisk)
            try k.encode(curve.nEvent.map(policy.count), forKey: .nEvent)
            try k.encode(curve.survival, forKey: .survival)
            try k.encode(curve.lower, forKey: .lower)
            try k.encode(curve.upper, forKey: .upper)
            try k.encode(curve.median, forKey: .median)
            try k.encode(curve.medianLower, forKey: .medianLower)
            try k.encode(curve.medianUpper, forKey: .medianUpper)
        }
        try c.encode(logrank, forKey: .logrank)
        try c.encode(cox, forKey: .cox)
        try c.encode(coxReference, forKey: .coxReference)
        try c.encode(riskTimes, forKey: .riskTimes)
        try c.encode(atRisk, forKey: .atRisk)
    }
}
