import Foundation

/// Shared rendering for the command-line reports.
enum Output {
    /// Pretty, key-sorted JSON on standard output.
    static func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        print(String(decoding: data, as: UTF8.self))
    }

    /// A number with at most `digits` decimals and no trailing zeros: 2.0209 -> "2.021", 92 -> "92".
    static func number(_ value: Double, digits: Int = 3) -> String {
        guard value.isFinite else { return value > 0 ? "no limit" : "-" }
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    static func percent(_ fraction: Double) -> String { number(fraction * 100, digits: 1) + "%" }
}
