/// An age as an ISO 8601 duration (`P3Y`, `P2Y6M`, `P10D`, `P4W`), the form GA4GH Phenopackets use.
public struct Age: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var years: Int
    public var months: Int
    public var weeks: Int
    public var days: Int

    public init(years: Int = 0, months: Int = 0, weeks: Int = 0, days: Int = 0) {
        self.years = years
        self.months = months
        self.weeks = weeks
        self.days = days
    }

    /// Parses an ISO 8601 duration with any of the Y, M, W and D designators (no time part).
    public init(iso8601 text: String) throws(AgeError) {
        var bytes = Substring(text).drop(while: \.isWhitespace)
        while bytes.last?.isWhitespace == true { bytes = bytes.dropLast() }
        guard bytes.first == "P" || bytes.first == "p" else { throw AgeError(text: text, reason: "an ISO 8601 duration starts with P, as in P3Y2M") }
        bytes = bytes.dropFirst()
        guard !bytes.isEmpty else { throw AgeError(text: text, reason: "the duration has no value after P") }
        var y = 0, m = 0, w = 0, d = 0
        var number = ""
        var seen = Set<Character>()
        for ch in bytes {
            if ch.isASCII, ch.isNumber { number.append(ch); continue }
            if ch == "T" || ch == "t" {
                throw AgeError(text: text, reason: "hours, minutes and seconds are not used for ages; give years, months, weeks or days")
            }
            guard let value = Int(number) else { throw AgeError(text: text, reason: "a number must come before '\(ch)'") }
            let unit = Character(ch.uppercased())
            guard !seen.contains(unit) else { throw AgeError(text: text, reason: "'\(unit)' appears twice") }
            seen.insert(unit)
            switch unit {
            case "Y": y = value
            case "M": m = value
            case "W": w = value
            case "D": d = value
            default: throw AgeError(text: text, reason: "'\(ch)' is not a duration designator (Y, M, W or D)")
            }
            number = ""
        }
        guard number.isEmpty else { throw AgeError(text: text, reason: "the number \(number) has no designator (Y, M, W or D)") }
        guard y <= 150 else { throw AgeError(text: text, reason: "an age over 150 years is not plausible") }
        self.init(years: y, months: m, weeks: w, days: d)
    }

    /// The age in days (a year is 365.25 days, a month 30.4375).
    public var totalDays: Double {
        Double(years) * 365.25 + Double(months) * 30.4375 + Double(weeks) * 7 + Double(days)
    }

    /// The age in years, fractional.
    public var totalYears: Double { totalDays / 365.25 }

    public var description: String {
        var s = "P"
        if years > 0 { s += "\(years)Y" }
        if months > 0 { s += "\(months)M" }
        if weeks > 0 { s += "\(weeks)W" }
        if days > 0 || s == "P" { s += "\(days)D" }
        return s
    }

    public static func < (a: Age, b: Age) -> Bool { a.totalDays < b.totalDays }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(iso8601: text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

public struct AgeError: Error, CustomStringConvertible, Equatable {
    public let text: String
    public let reason: String
    public var description: String { "invalid age '\(text)': \(reason)" }
}
