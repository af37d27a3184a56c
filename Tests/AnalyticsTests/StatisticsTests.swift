import Foundation
import Testing
@testable import Analytics

@Suite struct DistributionTests {
    @Test func normalQuantileAndCDF() {
        #expect(abs(Distributions.z975 - 1.959963984540054) < 1e-14)
        #expect(abs(Distributions.normalQuantile(0.001) + 3.090232306167813) < 1e-12)
        #expect(abs(Distributions.normalCDF(1.959963984540054) - 0.975) < 1e-15)
    }

    /// Values of R's pchisq(x, df, lower.tail = FALSE).
    @Test func chiSquareUpperTail() {
        #expect(abs(Distributions.chiSquareUpperTail(3.84, df: 1) - 0.05004352124870) < 1e-12)
        #expect(abs(Distributions.chiSquareUpperTail(10, df: 3) - 0.01856613546304) < 1e-12)
        #expect(abs(Distributions.chiSquareUpperTail(2, df: 4) - 0.7357588823428847) < 1e-12)
        #expect(abs(Distributions.chiSquareUpperTail(40, df: 2) - 2.061153622438558e-09) < 1e-20)
    }
}

@Suite struct TableTests {
    /// R: p.adjust(c(0.01, 0.04, 0.03, 0.2), "BH") = 0.04 0.0533 0.0533 0.2
    @Test func benjaminiHochberg() {
        let adjusted = MultipleTesting.benjaminiHochberg([0.01, 0.04, 0.03, 0.2])
        let expected = [0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.2]
        for (a, b) in zip(adjusted, expected) { #expect(abs(a - b) < 1e-15) }
    }

    @Test func quartilesType7() {
        let s = Summary([1, 2, 3, 4, 10])
        #expect(s.median == 3 && s.q1 == 2 && s.q3 == 4)
    }

    @Test func smallCountsNeverBelowThree() {
        #expect(SmallCountPolicy(threshold: 1).threshold == 3)
        #expect(SmallCountPolicy.researcher.count(4).description == "<5")
        #expect(SmallCountPolicy.researcher.count(0).description == "0")
        #expect(SmallCountPolicy.researcher.count(5).description == "5")
        #expect(SmallCountPolicy.none.count(1).description == "1")
    }
}

@Suite struct GroupComparisonTests {
    /// Two groups with no ties: the log-rank statistic by hand. Group a: 1, 3; group b: 2+, 4.
    /// t=1: n=4 (2 a), d=1: E_a = 1/2, V = 1/4. t=3: n=2 (1 a), d=1: E_a = 1/2, V = 1/4.
    /// t=4: n=1 (0 a): E_a = 0. O_a = 2, E_a = 1, V = 1/2: chisq = 2.
    @Test func logRankByHand() throws {
        let records: [SurvivalRecord] = [
            SurvivalRecord(id: "1", time: 1, status: 1, group: "a"), SurvivalRecord(id: "2", time: 2, status: 0, group: "b"),
            SurvivalRecord(id: "3", time: 3, status: 1, group: "a"), SurvivalRecord(id: "4", time: 4, status: 1, group: "b"),
        ]
        let test = try #require(LogRankTest.test(records))
        #expect(abs(test.chisq - 2) < 1e-12)
        #expect(test.df == 1)
        #expect(abs(test.p - 0.1572992070502851) < 1e-12)
    }

    /// The Cox score at β = 0 equals O − E of the log-rank test without ties, and the fit makes the
    /// score vanish.
    @Test func coxScoreVanishesAtTheMaximum() throws {
        var records: [SurvivalRecord] = []
        for i in 0..<40 {
            let time = Double(i % 13) + Double(i) / 100
            let status = i % 4 == 0 ? 0 : 1
            records.append(SurvivalRecord(id: "s\(i)", time: time, status: status, group: i % 3 == 0 ? "b" : "a"))
        }
        let fit = try #require(CoxModel.fit(records))
        #expect(fit.converged)
        #expect(fit.iterations < 10)
        #expect(fit.reference == "a")
        let sorted = records.sorted { $0.time > $1.time }
        let covariate = sorted.map { $0.group == "b" ? 0 : -1 }
        let atMax = CoxModel.evaluate(sorted, covariate, fit.coefficients, 1)
        #expect(abs(atMax.gradient[0]) < 1e-8)
        let term = try #require(fit.terms.first)
        #expect(term.lower < term.hr && term.hr < term.upper)
    }
}

@Suite struct ProgressionTests {
    /// Two states, everyone seen at 0 and at 1 year, 30 of 100 moved: q̂ = −log(0.7).
    @Test func twoStateClosedForm() throws {
        var observations: [PanelObservation] = []
        for i in 0..<100 {
            observations.append(PanelObservation(id: "s\(i)", time: 0, state: 0))
            observations.append(PanelObservation(id: "s\(i)", time: 1, state: i < 30 ? 1 : 0))
        }
        let fit = try #require(MultiStateModel.fit(observations, states: 2))
        #expect(abs(fit.intensities[0] + log(0.7)) < 1e-7)
        // Fisher information of θ = log q: n q² t² e^{-qt} / (1 − e^{-qt}).
        let q = -log(0.7)
        let se = (1 / (100 * q * q * 0.7 / 0.3)).squareRoot()
        #expect(abs(try #require(fit.lower[0]) - q * exp(-1.959963984540054 * se)) < 1e-5)
    }

    @Test func transitionMatrixMatchesTheSeries() {
        let g = ProgressiveGenerator(intensities: [0.5, 0.2, 0.1, 0.05])
        let series = g.matrix.scaled(3).exponential()
        for i in 0..<5 { for j in 0..<5 { #expect(abs(g.probability(3, from: i, to: j) - series[i, j]) < 1e-12) } }
        let equal = ProgressiveGenerator(intensities: [0.3, 0.3, 0.3, 0.3])
        // Equal rates: Erlang, P(0 → 0) = e^{-qt}, P(0 → 1) = qt e^{-qt}.
        #expect(abs(equal.probability(2, from: 0, to: 1) - 0.6 * exp(-0.6)) < 1e-13)
    }
}
