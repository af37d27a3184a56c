import ArgumentParser
import Foundation
import Registry

/// Registry errors as exit codes and one line on standard error, without patient data.
enum RegistryExit {
    static func report(_ error: RegistryError) -> ExitCode {
        switch error {
        case .invalid(let problems):
            printError("invalid: " + problems.map { "\($0.field) \($0.reason)" }.joined(separator: "; "))
            return ExitCode(65)  // EX_DATAERR
        case .notFound(let entity):
            printError("not found: \(entity.rawValue)")
            return ExitCode(66)
        case .conflict(let detail):
            printError("conflict: \(detail)")
            return ExitCode(75)
        case .unauthenticated, .forbidden:
            printError("not allowed")
            return ExitCode(77)
        case .internalFailure(let detail):
            printError("failure: \(detail)")
            return ExitCode(70)  // EX_SOFTWARE
        }
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data(("ossify: " + line + "\n").utf8))
}
