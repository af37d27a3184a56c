/// Suppression of small counts for researchers: in an ultra-rare disease a count of one or two can
/// identify a patient, so any count below the threshold is shown as "<threshold". The threshold is
/// 5 unless configured, and never below 3.
public struct SmallCountPolicy: Sendable, Equatable {
    public static let minimumThreshold = 3
    public static let defaultThreshold = 5

    /// nil: counts are shown as they are (clinicians of their own site).
    public let threshold: Int?

    /// Thresholds below 3 are raised to 3.
    public init(threshold: Int?) {
        self.threshold = threshold.map { max(Self.minimumThreshold, $0) }
    }

    public static let none = SmallCountPolicy(threshold: nil)
    public static let researcher = SmallCountPolicy(threshold: defaultThreshold)

    public func count(_ n: Int) -> Count {
        if let threshold, n > 0, n < threshold { return .suppressed(below: threshold) }
        return .value(n)
    }

    /// Whether a count is hidden.
    public func hides(_ n: Int) -> Bool { threshold.map { n > 0 && n < $0 } ?? false }
}

/// A count as shown: the number, or "<5" when suppressed. Encodes as a JSON number or string.
public enum Count: Sendable, Equatable, Codable, CustomStringConvertible {
    case value(Int)
    case suppressed(below: Int)

    public var description: String {
        switch self {
        case .value(let n): String(n)
        case .suppressed(let t): "<\(t)"
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .value(let n): try container.encode(n)
        case .suppressed: try container.encode(description)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let n = try? container.decode(Int.self) {
            self = .value(n)
            return
        }
        let text = try container.decode(String.self)
        guard text.hasPrefix("<"), let t = Int(text.dropFirst()) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "a count is a number or <n")
        }
        self = .suppressed(below: t)
    }
}
