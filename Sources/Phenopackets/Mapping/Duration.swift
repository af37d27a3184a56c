internal import Clinical

/// ISO 8601 durations as phenopackets carry ages: `Clinical.Age` reads years, months, weeks and days;
/// a time part (`P1YT12H`, `PT36H`, written by some tools for newborns) is accepted and dropped, since
/// ages are kept to the day.
enum Duration {
    static func age(_ text: String) -> Age? {
        if let age = try? Age(iso8601: text) { return age }
        guard let t = text.firstIndex(where: { $0 == "T" || $0 == "t" }) else { return nil }
        let time = text[text.index(after: t)...]
        guard isTimePart(time) else { return nil }
        let date = text[..<t]
        if date == "P" || date == "p" { return Age() }
        return try? Age(iso8601: String(date))
    }

    /// `12H`, `30M`, `1.5S`, `1H30M`: numbers each followed by H, M or S, at least one.
    private static func isTimePart(_ text: Substring) -> Bool {
        var number = 0
        var count = 0
        for ch in text {
            if ch.isASCII && (ch.isNumber || ch == ".") { number += 1; continue }
            guard number > 0, "HMShms".contains(ch) else { return false }
            number = 0
            count += 1
        }
        return number == 0 && count > 0
    }
}
