import Composition
import Foundation

/// The composition root of this process: the only place the command-line tool reads its
/// environment (`OSSIFY_SHARE`, `OSSIFY_KNOWLEDGE`, `OSSIFY_DATA`, `OSSIFY_CACHE`, `XDG_*`, `HOME`,
/// `OSSIFY_DATABASE_PASSWORD`) and finds its own binary; every command takes its knowledge, engines,
/// store and account service from it.
enum Root {
    static let environment = ProcessInfo.processInfo.environment

    /// The PostgreSQL password of `OSSIFY_DATABASE_PASSWORD`, never a flag.
    static var databasePassword: String? { CompositionRoot.databasePassword(environment: environment) }

    /// The root, or a one-line failure naming what was not found.
    static func composition() throws -> CompositionRoot {
        do {
            return try CompositionRoot.make(environment: environment, executable: Bundle.main.executableURL,
                                        workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        } catch let error as any CustomStringConvertible {
            throw CLIFailure(error.description)
        }
    }
}
