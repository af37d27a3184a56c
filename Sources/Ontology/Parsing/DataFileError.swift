/// A problem in a data file: which file, which line, which field, and what is wrong.
/// Data files hold no patient data, so the offending value may be quoted.
public struct DataFileError: Error, CustomStringConvertible, Equatable, Sendable {
    public let file: String
    public let line: Int?
    public let field: String?
    public let reason: String

    public init(file: String, line: Int?, field: String?, reason: String) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
    }

    public var description: String {
        var where_ = file
        if let line { where_ += ":\(line)" }
        if let field { where_ += " (\(field))" }
        return "\(where_): \(reason)"
    }
}
