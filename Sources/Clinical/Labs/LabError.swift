/// Why a lab value could not be interpreted. Messages name the analyte or unit, never the value.
public enum LabError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownAnalyte(String)
    case unknownUnit(analyte: String, unit: String, known: [String])
    case invalidValue(analyte: String)
    case invalidReferenceInterval(analyte: String)

    public var description: String {
        switch self {
        case .unknownAnalyte(let name):
            "unknown analyte '\(name)'; known: calcium, phosphate, PTH, TSH (or their LOINC codes)"
        case .unknownUnit(let analyte, let unit, let known):
            "unit '\(unit)' is not known for \(analyte); use one of \(known.joined(separator: ", "))"
        case .invalidValue(let analyte):
            "the value of \(analyte) must be a finite number not below zero"
        case .invalidReferenceInterval(let analyte):
            "the reference interval given for \(analyte) is not valid (needs finite bounds, low not above high)"
        }
    }
}
