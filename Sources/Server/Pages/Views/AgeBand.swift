import Registry

/// The age bands of the patient list filter, as birth-date ranges relative to today.
enum AgeBand: String, CaseIterable, Sendable {
    case under5 = "0-4"
    case child = "5-11"
    case adolescent = "12-17"
    case adult = "18+"

    var label: String {
        switch self {
        case .under5: "under 5 years"
        case .child: "5 to 11 years"
        case .adolescent: "12 to 17 years"
        case .adult: "18 years or older"
        }
    }

    /// (born after, born on or before) for a patient of this age `today`.
    func birthRange(today: CivilDate) -> (after: String?, onOrBefore: String?) {
        let (low, high): (Int, Int?) = switch self {
        case .under5: (0, 4)
        case .child: (5, 11)
        case .adolescent: (12, 17)
        case .adult: (18, nil)
        }
        return (high.map { Self.yearsBefore(today, $0 + 1).description }, Self.yearsBefore(today, low).description)
    }

    /// The same day `years` earlier (29 February becomes 28 February).
    static func yearsBefore(_ date: CivilDate, _ years: Int) -> CivilDate {
        CivilDate(year: date.year - years, month: date.month, day: date.day)
            ?? CivilDate(year: date.year - years, month: date.month, day: 28) ?? date
    }
}
