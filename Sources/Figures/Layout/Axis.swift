/// What an axis measures: a label and its unit, written "Age (years)".
public struct Axis: Sendable, Hashable {
    public var label: String
    public var unit: String?

    public init(_ label: String, unit: String? = nil) {
        self.label = label
        self.unit = unit
    }

    public var title: String {
        guard let unit, !unit.isEmpty else { return label }
        return "\(label) (\(unit))"
    }

    public static let age = Axis("Age", unit: "years")
}
