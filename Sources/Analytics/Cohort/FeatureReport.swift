/// The output of `ossify cohort features`: for each HPO feature recorded in at least
/// `minimumPatients` patients, the 2 × k table (recorded / not recorded by group), Fisher's exact p
/// and the Benjamini-Hochberg adjusted p over all the features tested (as GPSEA does).
public struct FeatureReport: Sendable, Encodable {
    public struct Row: Sendable, Encodable {
        public var hpoId: String
        public var present: [String: Count]
        public var absent: [String: Count]
        public var p: Double
        public var pAdjusted: Double
        public var method: FisherExactTest.Method
        /// The nodes the exact test visited (for the bench; not in the JSON).
        public var nodes: Int
        /// Unsuppressed counts, for the plot.
        var presentCounts: [Int]
        var totals: [Int]

        enum CodingKeys: String, CodingKey { case hpoId, present, absent, p, pAdjusted, method }
    }

    public var by: CohortGrouping
    public var n: Count
    public var excluded: [String: Count]
    public var groups: [String]
    public var groupSizes: [String: Count]
    public var tables: [Row]

    enum CodingKeys: String, CodingKey { case by, n, excluded, groups, groupSizes, tables }

    public init(patients: [PatientHistory], by grouping: CohortGrouping, policy: SmallCountPolicy, minimumPatients: Int = 5) {
        by = grouping
        var members: [(group: String, features: Set<String>)] = []
        var noGroup = 0
        for p in patients {
            guard let g = grouping.value(of: p) else {
                noGroup += 1
                continue
            }
            members.append((g, Set(p.visits.flatMap(\.features))))
        }
        excluded = noGroup > 0 ? [SurvivalEvent.Exclusion.noGroup.rawValue: policy.count(noGroup)] : [:]
        n = policy.count(members.count)
        let groups = Set(members.map(\.group)).sorted()
        self.groups = groups
        let index = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1, $0) })
        var sizes = Array(repeating: 0, count: groups.count)
        var counts: [String: [Int]] = [:]
        for m in members {
            let g = index[m.group] ?? 0
            sizes[g] += 1
            for f in m.features { counts[f, default: Array(repeating: 0, count: groups.count)][g] += 1 }
        }
        groupSizes = Dictionary(uniqueKeysWithValues: zip(groups, sizes.map(policy.count)))
        var rows: [Row] = []
        for (feature, present) in counts.sorted(by: { $0.key < $1.key }) where present.reduce(0, +) >= minimumPatients {
            let absent = zip(sizes, present).map { $0 - $1 }
            let test = FisherExactTest.test(present: present, absent: absent)
            rows.append(Row(hpoId: feature,
                            present: Dictionary(uniqueKeysWithValues: zip(groups, present.map(policy.count))),
                            absent: Dictionary(uniqueKeysWithValues: zip(groups, absent.map(policy.count))),
                            p: test.p, pAdjusted: test.p, method: test.method, nodes: test.nodes, presentCounts: present, totals: sizes))
        }
        let adjusted = MultipleTesting.benjaminiHochberg(rows.map(\.p))
        for i in rows.indices { rows[i].pAdjusted = adjusted[i] }
        tables = rows
    }
}
