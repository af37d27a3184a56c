public import Analytics

/// Where the CPU-bound part of an analysis runs: inline (the command line) or on a thread pool
/// the edge provides (the server keeps it off the cooperative pool, as it does bcrypt).
public protocol AnalysisExecutor: Sendable {
    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T
}

/// Runs the analysis on the calling task.
public struct InlineExecutor: AnalysisExecutor {
    public init() {}
    public func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T { work() }
}

/// The cohort analyses as one service over a store, used by both the command line and the server
/// (the same JSON from both): reads the cohort the caller may see and runs one analysis, with
/// small counts suppressed for researchers.
public struct CohortService: Sendable {
    public let store: RegistryStore
    /// Threshold of small-count suppression for researchers (never below 3).
    public let suppression: SmallCountPolicy
    let executor: any AnalysisExecutor

    public init(store: RegistryStore, suppressBelow: Int = SmallCountPolicy.defaultThreshold,
                executor: any AnalysisExecutor = InlineExecutor()) {
        self.store = store
        self.suppression = SmallCountPolicy(threshold: suppressBelow)
        self.executor = executor
    }

    func analyse<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws(RegistryError) -> T {
        do {
            return try await executor.run(work)
        } catch {
            throw .internalFailure("the analysis could not be scheduled")
        }
    }

    public func policy(for who: Principal) -> SmallCountPolicy {
        who.role == .researcher ? suppression : .none
    }

    /// Rules between the survival parameters: morphology groups only the recurrence event.
    public static let survivalRules: [FieldRule] = [
        .excludedWhen("group", excluded: [CohortGrouping.morphology.rawValue], key: "event",
                      in: SurvivalEvent.allCases.filter { $0 != .recurrence }.map(\.rawValue)),
    ]

    public func survival(_ event: SurvivalEvent, grouping: CohortGrouping?, filter: CohortFilter,
                         riskTimes: [Double] = SurvivalReport.defaultRiskTimes,
                         by who: Principal) async throws(RegistryError) -> SurvivalReport {
        if riskTimes.isEmpty || riskTimes.count > 20 || riskTimes.contains(where: { !$0.isFinite || $0 < 0 }) {
            throw .invalid([FieldProblem("riskTimes", "must be 1 to 20 times in years, none negative")])
        }
        let asked: [String: JSONValue] = ["event": .string(event.rawValue), "group": grouping.map { .string($0.rawValue) } ?? .null]
        let problems = Self.survivalRules.flatMap { $0.problems(asked) }
        if !problems.isEmpty { throw .invalid(problems) }
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
        let policy = policy(for: who), times = riskTimes.sorted()
        return try await analyse {
            SurvivalReport(event: event, patients: patients, grouping: grouping, policy: policy, riskTimes: times)
        }
    }

    public func progression(filter: CohortFilter, by who: Principal) async throws(RegistryError) -> ProgressionReport {
        let patients = try await store.cohort(filter, parts: .lesions, by: who), policy = policy(for: who)
        return try await analyse { ProgressionReport(patients: patients, policy: policy) }
    }

    public func features(by grouping: CohortGrouping, filter: CohortFilter,
                         by who: Principal) async throws(RegistryError) -> FeatureReport {
        if !CohortGrouping.ofPatients.contains(grouping) {
            throw .invalid([FieldProblem("by", "features are grouped by " + CohortGrouping.ofPatients.map(\.rawValue).joined(separator: ", "))])
        }
        let parts: CohortParts = filter.onsetBand == nil ? .features : [.features, .lesionAreas]
        let patients = try await store.cohort(filter, parts: parts, by: who), policy = policy(for: who)
        return try await analyse { FeatureReport(patients: patients, by: grouping, policy: policy) }
    }

    public func rates(filter: CohortFilter, by who: Principal) async throws(RegistryError) -> RatesReport {
        // Only what the rates use: each lesion's region, side and extent; limb lengths as left-right pairs.
        let patients = try await store.cohort(filter, parts: [.lesionAreas, .limbLengths], by: who), policy = policy(for: who)
        return try await analyse { RatesReport(patients: patients, policy: policy) }
    }
}
