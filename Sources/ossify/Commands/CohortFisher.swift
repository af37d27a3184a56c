import Analytics
import ArgumentParser
import Foundation

/// `ossify cohort fisher --present 3,1 --absent 1,3`: Fisher's exact test of one 2 × k table, as the
/// feature tables run it (the Monte Carlo fallback named in `method`). Prints {"method", "nodes",
/// "p", "samples"}: the network's nodes, and the tables drawn when it fell back; the R cross-check
/// feeds it large tables.
struct CohortFisher: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fisher", abstract: "Fisher's exact test of one 2 x k table.")

    @Option(help: "The first row's counts, comma-separated (one per column).")
    var present: String
    @Option(help: "The second row's counts, comma-separated.")
    var absent: String

    static func counts(_ text: String) -> [Int]? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let values = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard values.count == parts.count, values.allSatisfy({ (0...1_000_000).contains($0) }) else { return nil }
        return values
    }

    func validate() throws {
        guard let top = Self.counts(present), let bottom = Self.counts(absent) else {
            throw ValidationError("--present and --absent must be comma-separated counts from 0 to 1000000")
        }
        guard top.count == bottom.count, (2...50).contains(top.count) else {
            throw ValidationError("--present and --absent must give the same number of columns, 2 to 50")
        }
    }

    func run() throws {
        let test = FisherExactTest.test(present: Self.counts(present) ?? [], absent: Self.counts(absent) ?? [])
        let json = try JSONSerialization.data(withJSONObject: ["p": test.p, "method": test.method.rawValue, "nodes": test.nodes, "samples": test.samples] as [String: Any], options: [.sortedKeys])
        print(String(decoding: json, as: UTF8.self))
    }
}
