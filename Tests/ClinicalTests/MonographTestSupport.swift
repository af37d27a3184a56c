import Foundation
import Ontology
@testable import Clinical

/// The repository's folders, found from this file's location.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let monographs = root.appendingPathComponent("Knowledge/monographs")
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
}

/// The pinned HPO release, loaded once for all tests (from the snapshot cache after the first run).
let sharedKnowledgeBase: Result<KnowledgeBase, DataFileError> = Result { () throws(DataFileError) -> KnowledgeBase in
    try KnowledgeBaseLoader.load(try ReleaseStore.standard()).0
}

/// A scratch copy of Knowledge/monographs with the given files added or replaced.
func scratchMonographFolder(_ files: [String: Data]) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ossify-mono-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: Repo.monographs, to: dir)
    for (name, data) in files { try data.write(to: dir.appendingPathComponent(name)) }
    return dir
}

/// A line diff of two texts: the differing lines with their numbers, `-` expected, `+` actual.
func lineDiff(expected: String, actual: String) -> String {
    let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
    var out: [String] = []
    for i in 0..<max(e.count, a.count) {
        let el = i < e.count ? e[i] : nil, al = i < a.count ? a[i] : nil
        if el != al {
            out.append("line \(i + 1):")
            if let el { out.append("- " + el) }
            if let al { out.append("+ " + al) }
        }
    }
    return out.joined(separator: "\n")
}

/// Writes a golden text as a Swift source file holding one raw string constant in `enum Golden`.
enum GoldenFile {
    static func write(name: String, text: String, to url: URL) throws {
        let source = """
            // Golden output compared exactly by the tests; regenerate with OSSIFY_UPDATE_GOLDEN=1.
            // Generated: edit the renderer or the monograph, not this file.
            extension Golden {
                static let \(name) = #\"\"\"
            \(text)
            \"\"\"#
            }

            """
        try source.write(to: url, atomically: true, encoding: .utf8)
    }
}

/// Golden outputs, one constant per file under Golden/.
enum Golden {}
