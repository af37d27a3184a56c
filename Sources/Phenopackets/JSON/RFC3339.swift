internal import Clinical

/// RFC 3339 times as protobuf's Timestamp JSON accepts them: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
/// Pure parsing, no Foundation: the mapping uses the calendar date to turn a dated event into an age.
enum RFC3339 {
    struct CivilDate: Hashable, Comparable {
        var year: Int, month: Int, day: Int
        static func < (a: Self, b: Self) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
    }

    static func isValid(_ text: String) -> Bool { date(text) != nil }

    /// The calendar date of the time as written (its own offset, not converted to UTC); nil when the
    /// text is not an RFC 3339 time.
    static func date(_ text: String) -> CivilDate? {
        let b = Array(text.utf8)
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var n = 0
            for i in from..<(from + count) {
                guard (48...57).contains(b[i]) else { return nil }
                n = n * 10 + Int(b[i] - 48)
            }
            return n
        }
        guard let year = digits(0, 4), b.count > 19, b[4] == UInt8(ascii: "-"), let month = digits(5, 2),
              b[7] == UInt8(ascii: "-"), let day = digits(8, 2), b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"),
              let hour = digits(11, 2), b[13] == UInt8(ascii: ":"), let minute = digits(14, 2),
              b[16] == UInt8(ascii: ":"), let second = digits(17, 2) else { return nil }
        guard year >= 1, (1...12).contains(month), (1...daysIn(month, of: year)).contains(day), hour < 24, minute < 60,
              second < 61 else { return nil }
        var i = 19
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, (48...57).contains(b[i]) { i += 1 }
            guard i > start, i - start <= 9 else { return nil }
        }
        guard i < b.count else { return nil }
        let civil = CivilDate(year: year, month: month, day: day)
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") { return i + 1 == b.count ? civil : nil }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), let h = digits(i + 1, 2), i + 3 < b.count,
              b[i + 3] == UInt8(ascii: ":"), let m = digits(i + 4, 2), i + 6 == b.count, h < 24, m < 60 else { return nil }
        return civil
    }

    static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The age at `time` of someone born at `birth`, in whole years, months and days; nil when either
    /// is not an RFC 3339 time or `time` is before `birth`.
    static func age(born birth: String, at time: String) -> Age? {
        guard let from = date(birth), let to = date(time), from <= to else { return nil }
        var years = to.year - from.year, months = to.month - from.month, days = to.day - from.day
        if days < 0 {
            months -= 1
            let previous = to.month == 1 ? 12 : to.month - 1
            days += daysIn(previous, of: to.month == 1 ? to.year - 1 : to.year)
        }
        if months < 0 {
            years -= 1
            months += 12
        }
        return Age(years: years, months: months, days: days)
    }
}
