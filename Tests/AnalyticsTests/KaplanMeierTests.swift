import Foundation
import Testing
@testable import Analytics

/// A Kaplan-Meier curve worked by hand: times 1, 2+, 3, 3, 4+, 5 (+ censored).
@Suite struct KaplanMeierTests {
    let records = [(1.0, 1), (2, 0), (3, 1), (3, 1), (4, 0), (5, 1)].enumerated().map {
        SurvivalRecord(id: "s\($0.offset)", time: $0.element.0, status: $0.element.1)
    }

    @Test func survivalAtEachEventTime() {
        let curve = KaplanMeier.fit(records)
        #expect(curve.time == [1, 3, 5])
        #expect(curve.nRisk == [6, 4, 1])
        #expect(curve.nEvent == [1, 2, 1])
        #expect(abs(curve.survival[0] - 5.0 / 6) < 1e-15)
        #expect(abs(curve.survival[1] - 5.0 / 12) < 1e-15)
        #expect(curve.survival[2] == 0)
        #expect(curve.censorTimes == [2, 4])
    }

    @Test func greenwoodLogInterval() throws {
        let curve = KaplanMeier.fit(records)
        let se1 = (1.0 / 30).squareRoot(), se3 = (1.0 / 30 + 2.0 / 8).squareRoot()
        let z = 1.959963984540054
        #expect(abs(try #require(curve.lower[0]) - 5.0 / 6 * exp(-z * se1)) < 1e-12)
        #expect(try #require(curve.upper[0]) == 1)
        #expect(abs(try #require(curve.lower[1]) - 5.0 / 12 * exp(-z * se3)) < 1e-12)
        #expect(abs(try #require(curve.upper[1]) - min(1, 5.0 / 12 * exp(z * se3))) < 1e-12)
        #expect(curve.lower[2] == nil && curve.upper[2] == nil)
    }

    @Test func medianIsFirstTimeAtOrBelowHalf() {
        let curve = KaplanMeier.fit(records)
        #expect(curve.median == 3)
        // Exactly 0.5 over an interval: the midpoint of its ends (R's rule).
        let flat = [(1.0, 1), (2, 1), (3, 1), (4, 1)].map { SurvivalRecord(id: "x", time: $0.0, status: $0.1) }
        #expect(KaplanMeier.fit(flat).median == 2.5)
        // At 0.5 to the end: the midpoint with the last (censored) time, as R gives 3.
        let tail = [(1.0, 1), (2, 1), (3, 0), (4, 0)].map { SurvivalRecord(id: "x", time: $0.0, status: $0.1) }
        let atHalf = KaplanMeier.fit(tail)
        #expect(atHalf.median == 3 && atHalf.medianLower == 1 && atHalf.medianUpper == nil)
    }

    @Test func numbersAtRisk() {
        #expect(KaplanMeier.numbersAtRisk(records, groups: ["all"], times: [0, 2.5, 5, 6]) == [[6, 4, 1, 0]])
    }
}

