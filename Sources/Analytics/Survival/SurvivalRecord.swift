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
