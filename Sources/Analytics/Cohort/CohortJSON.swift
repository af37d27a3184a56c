#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// The one JSON encoding of the cohort reports, used by the command line and the server so both
/// give the same bytes: sorted keys, and non-finite numbers (a hazard ratio of a group without
/// events) as the strings "Infinity", "-Infinity" and "NaN" rather than a failure.
public enum CohortJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try encoder.encode(value)
    }
}
