public import Foundation

/// Locates the curated `Knowledge/` folder of a development checkout, for the test suites:
/// `OSSIFY_KNOWLEDGE` when set, else the `Knowledge` folder beside `Package.swift` above the
/// executable or the working directory. The executables find it through the composition root
/// (`DataPaths`), which also knows an installation's `share/ossify`.
public enum KnowledgeDirectory {
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        if let dir = environment["OSSIFY_KNOWLEDGE"] { return URL(fileURLWithPath: dir) }
        var starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        if let exe = Bundle.main.executableURL { starts.insert(exe.deletingLastPathComponent(), at: 0) }
        for start in starts {
            var dir = start.standardizedFileURL
            for _ in 0..<8 {
                let candidate = dir.appendingPathComponent("Knowledge")
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), isDir.boolValue,
                   FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                    return candidate
                }
                let up = dir.deletingLastPathComponent()
                if up.path == dir.path { break }
                dir = up
            }
        }
        throw KnowledgeDirectoryError()
    }
}

public struct KnowledgeDirectoryError: Error, CustomStringConvertible {
    public var description: String {
        "the Knowledge/ folder was not found: set OSSIFY_KNOWLEDGE to the repository's Knowledge folder"
    }
}
