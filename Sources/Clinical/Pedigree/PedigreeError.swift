/// A PED file that cannot be read or is inconsistent: the file, the line, what is wrong.
/// Messages point at lines and columns and never repeat ids or other content of the file.
public struct PedigreeError: Error, Hashable, Sendable, CustomStringConvertible {
    public let file: String
    /// 1-based line number; 0 when the problem concerns the whole file.
    public let line: Int
    public let message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
