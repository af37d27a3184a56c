import FoundationEssentials

/// Time stamps as stored: ISO 8601 UTC with milliseconds, which sort as text.
enum Clock {
    static func timestamp(_ date: Date = Date()) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
