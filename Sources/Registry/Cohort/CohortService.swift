public import Analytics

/// The cohort analyses as one service over a store, used by both the command line and the server
/// (the same JSON from both): reads the cohort the caller may see and runs one analysis, with
/// small counts suppressed for researchers.
public struct CohortService: Sendable {
    public let store: RegistryStore
    /// Threshold of small-count suppression for researchers (never below 3).
    public let suppression: SmallCountPolicy

    public init(store: RegistryStore, suppressBelow: Int = SmallCountPolicy.defaultThreshold) {
        self.store = store
        self.suppression = SmallCountPolicy(threshold: suppressBelow)
    }

    public func policy(for who: Principal) -> SmallCountPolicy {
        who.role == .researcher ? suppression : .none
    }

    public func survival(_ event: SurvivalEvent, grouping: CohortGrouping?, filter: CohortFilter,
                         riskTimes: [Double] = SurvivalReport.defaultRiskTimes,
                         by who: Principal) async throws(RegistryError) -> SurvivalReport {
        if riskTimes.isEmpty || riskTimes.count > 20 || riskTimes.contains(where: { !$0.isFinite || $0 < 0 }) {
            throw .invalid([FieldProblem("riskTimes", "must be 1 to 20 times in years, none negative")])
        }
        if grouping == .morphology, event != .recurrence {
            throw .invalid([FieldProblem("group", "morphology groups only the recurrence event")])
        }
        // The first lesion is the origin or the event of every event but recurrence and surgery.
        let parts: CohortParts = switch event {
        case .firstLesion: [.lesions]
        case .firstDeepLesion: [.lesions]
        case .firstAnkylosis: [.lesions, .joints]
        case .recurrence: [.lesions, .procedures]
        case .firstSurgery: [.procedures]
        }
        // The onset band filter needs the first lesion.
        let patients = try await store.cohort(filter, parts: filter.onsetBand == nil ? parts : parts.union(.lesions), by: who)
        return SurvivalReport(event: event, patients: patients, grouping: grouping, policy: policy(for: who),
                              riskTimes: riskTimes.sorted())
    }

    public func progression(filter: CohortFilter, by who: Principal) async throws(RegistryError) -> ProgressionReport {
        ProgressionReport(patients: try await store.cohort(filter, parts: .lesions, by: who), policy: policy(for: who))
    }

    public func features(by grouping: CohortGrouping, filter: CohortFilter,
                         by who: Principal) async throws(RegistryError) -> FeatureReport {
        if grouping == .morphology {
            throw .invalid([FieldProblem("by", "features are grouped by sex, parent-of-origin, variant-class or diagnosis")])
        }
        let parts: CohortParts = filter.onsetBand == nil ? .features : [.features, .lesions]
        return FeatureReport(patients: try await store.cohort(filter, parts: parts, by: who), by: grouping, policy: policy(for: who))
    }

    public func rates(filter: CohortFilter, by who: Principal) async throws(RegistryError) -> RatesReport {
        RatesReport(patients: try await store.cohort(filter, parts: [.lesions, .limbLengths], by: who), policy: policy(for: who))
    }
}
