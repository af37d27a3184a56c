import Foundation

/// Number formatting shared by the GNAS-spectrum reports.
enum Output {
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
}
