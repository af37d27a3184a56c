import Foundation
import Testing
@testable import Phenopackets

@Suite struct BenchFileTests {
    /// Reads the 1,671 solved cases of the shared bench file; skipped when the file is not present.
    @Test(.enabled(if: Fixtures.benchFile != nil, "../shared/bench/dev-phenopackets.jsonl not found: bench-file test skipped"))
    func readsEveryBenchCase() throws {
        guard let url = Fixtures.benchFile else { return }
        let clock = ContinuousClock()
        let start = clock.now
        let entries = try PhenopacketReader().read(at: url)
        let elapsed = clock.now - start
        print("read \(entries.count) phenopackets in \(elapsed)")
        let refused = entries.compactMap(\.error)
        #expect(refused.isEmpty, "refused: \(refused.prefix(5).map(\.description))")
        #expect(entries.count == 1671)
        for entry in entries {
            guard let packet = entry.phenopacket else { continue }
            let record = try packet.patientRecord()
            #expect(!record.observedTerms.isEmpty, "line \(entry.line ?? 0) has no observed feature")
            #expect(packet.diagnosisIDs.count == 1, "line \(entry.line ?? 0)")
            #expect(entry.line != nil)
        }
    }
}
