/// Why a lab value could not be interpreted. Messages name the analyte or unit, never the value.
public enum LabError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownAnalyte(String)
    case unknownUnit(analyte: String, unit: String, known: [String])
    case invalidValue(analyte: String)
    case invalidReferenceInterval(analyte: String)
    /// Outside the plausible range in the unit given; `plausibleIn` names the units in which the
    /// same number would be plausible (a unit mix-up).
    case implausible(analyte: String, unit: String, low: Double, high: Double, plausibleIn: [String])

    public var description: String {
        switch self {
        case .unknownAnalyte(let name):
            "unknown analyte '\(name)'; known: calcium, phosphate, PTH, TSH (or their LOINC codes)"
        case .unknownUnit(let analyte, let unit, let known):
            "unit '\(unit)' is not known for \(analyte); use one of \(known.joined(separator: ", "))"
        case .invalidValue(let analyte):
            "the value of \(analyte) must be a finite number not below zero"
        case .implausible(let analyte, let unit, let low, let high, let others):
            "the value of \(analyte) lies outside the plausible range in \(unit) (\(Self.number(low))-\(Self.number(high)) \(unit))"
                + (others.isEmpty ? "; check the value and its unit"
                   : "; the number would be plausible in \(others.joined(separator: " or ")): check the unit")
        case .invalidReferenceInterval(let analyte):
            "the reference interval given for \(analyte) is not valid (needs finite bounds, low not above high)"
        }
    }

    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(x)
    }
}
