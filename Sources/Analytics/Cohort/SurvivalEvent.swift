/// The time-to-event analyses the registry supports, each with its origin and its event.
public enum SurvivalEvent: String, Sendable, CaseIterable, Codable {
    /// Birth to the first heterotopic ossification.
    case firstLesion = "first-lesion"
    /// First lesion to the first lesion in fascia, muscle, tendon or joint.
    case firstDeepLesion = "first-deep-lesion"
    /// First lesion to the first ankylosed joint (score 2).
    case firstAnkylosis = "first-ankylosis"
    /// Excision to recurrence of the excised lesion (one record per excision).
    case recurrence
    /// Birth to the first surgery (excision, contracture release, amputation).
    case firstSurgery = "first-surgery"

    /// Why a patient (or an excision) is left out.
    public enum Exclusion: String, Sendable, CaseIterable {
        case noFollowUp = "no follow-up"
        case noEventDate = "no event date"
        case noLesion = "no lesion"
        case noGroup = "no group value"
    }

    /// The records of one patient: one for every event but recurrence (one per excision), or the
    /// reasons they are left out.
    public func records(_ p: PatientHistory) -> [Result<SurvivalRecord, ExclusionError>] {
        guard let last = p.lastVisitAge else { return [.failure(.init(.noFollowUp))] }
        func fromBirth(_ eventAge: Double?) -> Result<SurvivalRecord, ExclusionError> {
            if let eventAge { return .success(SurvivalRecord(id: p.id, time: eventAge, status: 1)) }
            return .success(SurvivalRecord(id: p.id, time: last, status: 0))
        }
        func fromFirstLesion(_ when: (VisitHistory) -> Bool) -> Result<SurvivalRecord, ExclusionError> {
            guard let origin = p.firstLesionAge else { return .failure(.init(.noLesion)) }
            if let visit = p.visits.first(where: { $0.age >= origin && when($0) }) {
                return .success(SurvivalRecord(id: p.id, time: visit.age - origin, status: 1))
            }
            return .success(SurvivalRecord(id: p.id, time: last - origin, status: 0))
        }
        switch self {
        case .firstLesion:
            return [fromBirth(p.firstLesionAge)]
        case .firstDeepLesion:
            return [fromFirstLesion { $0.lesions.contains { $0.depth?.isDeep == true } }]
        case .firstAnkylosis:
            return [fromFirstLesion { $0.joints.contains { $0.score == 2 } }]
        case .firstSurgery:
            let surgery = p.visits.lazy.flatMap(\.procedures).filter { $0.kind != .biopsy }.map(\.age).min()
            return [fromBirth(surgery)]
        case .recurrence:
            var out: [Result<SurvivalRecord, ExclusionError>] = []
            let excisions = p.visits.flatMap(\.procedures).filter { $0.kind == .excision }.sorted { $0.age < $1.age }
            for (n, e) in excisions.enumerated() {
                let id = "\(p.id)/\(n + 1)"
                let morphology = Self.morphology(of: e.lesionID, before: e.age, in: p)
                if e.recurred == true {
                    guard let at = e.recurrenceAge, at >= e.age else {
                        out.append(.failure(.init(.noEventDate)))
                        continue
                    }
                    out.append(.success(SurvivalRecord(id: id, time: at - e.age, status: 1, group: morphology)))
                } else if last > e.age {
                    out.append(.success(SurvivalRecord(id: id, time: last - e.age, status: 0, group: morphology)))
                } else {
                    out.append(.failure(.init(.noFollowUp)))
                }
            }
            return out
        }
    }

    /// The morphology of the excised lesion, as last seen up to the excision: circumscribed,
    /// diffuse (plaques and webs across joints count as diffuse), or "unknown".
    static func morphology(of lesion: String?, before age: Double, in p: PatientHistory) -> String {
        guard let lesion else { return "unknown" }
        let seen = p.visits.filter { $0.age <= age }.flatMap(\.lesions).filter { $0.lesionID == lesion }
        guard let m = seen.last(where: { $0.morphology != nil })?.morphology else { return "unknown" }
        return m == .circumscribed ? "circumscribed" : "diffuse"
    }
}

/// A record left out, with the reason.
public struct ExclusionError: Error, Sendable, Equatable {
    public var reason: SurvivalEvent.Exclusion
    public init(_ reason: SurvivalEvent.Exclusion) { self.reason = reason }
}
