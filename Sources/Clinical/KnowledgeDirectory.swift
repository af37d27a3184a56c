public import Foundation

/// Finds the `Knowledge/` folder of curated JSON files.
///
/// In order: the `OSSIFY_KNOWLEDGE` environment variable; a `Knowledge` folder next to a
/// `Package.swift`, searched upwards from the running executable and from the current directory;
/// finally the source tree this binary was built from (derived from `#filePath`).
public enum KnowledgeDirectory {
    public static let environmentVariable = "OSSIFY_KNOWLEDGE"

    public static func locate() throws(KnowledgeError) -> URL {
        let fm = FileManager.default
        if let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty {
            let url = URL(fileURLWithPath: path, isDirectory: true)
            guard isDirectory(url) else {
                throw KnowledgeError(file: environmentVariable, reason: "the folder it names does not exist")
            }
            return url
        }
        var starts: [URL] = []
        if let exe = Bundle.main.executableURL { starts.append(exe.resolvingSymlinksInPath().deletingLastPathComponent()) }
        starts.append(URL(fileURLWithPath: fm.currentDirectoryPath, isDirectory: true))
        for start in starts {
            var dir = start.standardizedFileURL
            while true {
                if let found = knowledge(in: dir) { return found }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        // Sources/Clinical/KnowledgeDirectory.swift -> the package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        if let found = knowledge(in: root) { return found }
        throw KnowledgeError(file: "Knowledge/",
                             reason: "not found; set \(environmentVariable) to the folder holding labs.json")
    }

    private static func knowledge(in dir: URL) -> URL? {
        let candidate = dir.appendingPathComponent("Knowledge", isDirectory: true)
        guard FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
              isDirectory(candidate) else { return nil }
        return candidate
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
    }
}
