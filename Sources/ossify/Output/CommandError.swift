/// A failure reported as `Error: <description>` without the usage text (exit code 1).
struct CommandError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
