import Foundation

/// How long each parser is fuzzed and where its seeds are. CI runs a fixed slice per parser
/// (`OSSIFY_FUZZ_SECONDS`, default 4 s, or `OSSIFY_FUZZ_COUNT` inputs); `scripts/fuzz` runs longer.
/// The seed corpus is kept in the repository beside this file (`Corpus/<parser>/`).
enum FuzzBudget {
    static var seconds: Double {
        ProcessInfo.processInfo.environment["OSSIFY_FUZZ_SECONDS"].flatMap(Double.init) ?? 4
    }

    static var maxCount: Int {
        ProcessInfo.processInfo.environment["OSSIFY_FUZZ_COUNT"].flatMap(Int.init) ?? 1_000_000
    }

    /// The seeds of one parser, as bytes, in a stable order.
    static func corpus(_ name: String) throws -> [[UInt8]] {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Corpus").appendingPathComponent(name)
        let files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.map { [UInt8](try Data(contentsOf: $0)) }
    }
}
