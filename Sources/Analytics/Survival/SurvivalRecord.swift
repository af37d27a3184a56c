/// One subject of a time-to-event analysis: the time from the origin (years), whether the event
/// was seen then (`status` 1) or the subject was censored (0), and the comparison group.
public struct SurvivalRecord: Sendable, Hashable, Codable {
    /// The pseudonymised id (researchers) or the registry id (clinicians).
    public var id: String
    public var time: Double
    public var status: Int
    public var group: String

    public init(id: String, time: Double, status: Int, group: String = "all") {
        self.id = id
        self.time = time
        self.status = status
        self.group = group
    }

    public var isEvent: Bool { status == 1 }

    /// Times that differ only by rounding are made equal, as R's survival package does before every
    /// fit (`timefix = TRUE`, `aeqSurv`): among the sorted distinct times, a time within √ε of the
    /// previous one (absolutely, or relative to the mean absolute time) joins its cluster and takes
    /// the cluster's first time. Times computed as differences of ages otherwise split one day
    /// into two "distinct" times.
    public static func timefix(_ records: [SurvivalRecord]) -> [SurvivalRecord] {
        let times = Set(records.map(\.time)).filter(\.isFinite).sorted()
        guard times.count > 1 else { return records }
        let tolerance = Double.ulpOfOne.squareRoot()
        let meanAbs = times.reduce(0) { $0 + abs($1) } / Double(times.count)
        var snapped: [Double: Double] = [:]
        var cut = times[0]
        snapped[cut] = cut
        for i in 1..<times.count {
            let dy = times[i] - times[i - 1]
            let tied = dy <= tolerance || (meanAbs > 0 && dy / meanAbs <= tolerance)
            if !tied { cut = times[i] }
            snapped[times[i]] = cut
        }
        return records.map { r in
            var r = r
            r.time = snapped[r.time] ?? r.time
            return r
        }
    }
}

/// The distinct times of a sample with the number at risk, events and censorings at each, in
/// increasing order: the common first step of Kaplan-Meier, log-rank and the plots.
struct RiskTable {
    var time: [Double] = []
    var nRisk: [Int] = []
    var nEvent: [Int] = []
    var nCensor: [Int] = []

    init(_ records: [SurvivalRecord]) {
        let sorted = records.sorted { $0.time < $1.time }
        var atRisk = sorted.count
        var i = 0
        while i < sorted.count {
            let t = sorted[i].time
            var events = 0, censored = 0
            while i < sorted.count, sorted[i].time == t {
                if sorted[i].isEvent { events += 1 } else { censored += 1 }
                i += 1
            }
            time.append(t)
            nRisk.append(atRisk)
            nEvent.append(events)
            nCensor.append(censored)
            atRisk -= events + censored
        }
    }
}
