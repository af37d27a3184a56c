import Clinical

/// The output of `ossify cohort rates`: per patient, new body regions per year and %BSA gained per
/// year between the first and last visit with lesions (at least half a year apart), summarised as
/// median and IQR; and every limb-segment discrepancy (left minus right, cm) against age.
public struct RatesReport: Sendable, Encodable {
    public struct Discrepancy: Sendable, Encodable, Equatable {
        public var id: String
        public var age: Double
        public var segment: String
        public var difference: Double
    }

    public struct PatientRate: Sendable, Encodable, Equatable {
        public var id: String
        public var regionsPerYear: Double
        public var bsaPerYear: Double
    }

    public var n: Count
    public var excluded: [String: Count]
    public var regionsPerYear: Summary
    public var bsaPerYear: Summary
    public var data: [PatientRate]
    public var limbDiscrepancy: [Discrepancy]

    public init(patients: [PatientHistory], policy: SmallCountPolicy) {
        var rates: [PatientRate] = []
        var shortFollowUp = 0
        var limbs: [Discrepancy] = []
        for p in patients {
            let withLesions = p.visits.filter { !$0.lesions.isEmpty }
            if let first = withLesions.first, let last = withLesions.last, last.age - first.age >= 0.5 {
                let years = last.age - first.age
                let regionsBefore = Set(first.lesions.map(RegionSide.init))
                var regionsAfter = regionsBefore
                for v in withLesions.dropFirst() { regionsAfter.formUnion(v.lesions.map(RegionSide.init)) }
                let bsa = { (v: VisitHistory) in v.lesions.compactMap(\.bodySurfacePercent).reduce(0, +) }
                rates.append(PatientRate(id: p.id, regionsPerYear: Double(regionsAfter.subtracting(regionsBefore).count) / years,
                                         bsaPerYear: (bsa(last) - bsa(first)) / years))
            } else {
                shortFollowUp += 1
            }
            for v in p.visits {
                let bySegment = Dictionary(grouping: v.limbLengths, by: \.segment)
                for (segment, lengths) in bySegment.sorted(by: { $0.key < $1.key }) {
                    if let l = lengths.first(where: { $0.side == .left }), let r = lengths.first(where: { $0.side == .right }) {
                        limbs.append(Discrepancy(id: p.id, age: v.age, segment: segment, difference: l.length - r.length))
                    }
                }
            }
        }
        data = rates
        n = policy.count(rates.count)
        excluded = shortFollowUp > 0 ? [SurvivalEvent.Exclusion.noFollowUp.rawValue: policy.count(shortFollowUp)] : [:]
        regionsPerYear = Summary(rates.map(\.regionsPerYear))
        bsaPerYear = Summary(rates.map(\.bsaPerYear))
        limbDiscrepancy = limbs
    }
}

/// A body region and side, as a set member (no text built per lesion).
struct RegionSide: Hashable {
    let region: String
    let side: BodySide?

    init(_ lesion: LesionSeen) {
        region = lesion.region
        side = lesion.side
    }
}
