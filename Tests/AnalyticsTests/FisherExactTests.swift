import Foundation
import PropertyBased
import Testing
@testable import Analytics

/// Every table with the observed margins, enumerated in full: the reference the network must match.
/// Returns the sum of the probabilities of the tables no more probable than the observed one.
func fisherByFullEnumeration(present: [Int], absent: [Int]) -> Double {
    let c = zip(present, absent).map { $0 + $1 }
    let r1 = present.reduce(0, +), n = c.reduce(0, +)
    let logTotal = Distributions.logChoose(n, r1)
    let observed = zip(c, present).reduce(0.0) { $0 + Distributions.logChoose($1.0, $1.1) }
    var p = 0.0
    func walk(_ j: Int, _ left: Int, _ log: Double) {
        if j == c.count {
            if left == 0, log <= observed + log1p(1e-7) { p += exp(log - logTotal) }
            return
        }
        for x in 0...min(c[j], left) { walk(j + 1, left - x, log + Distributions.logChoose(c[j], x)) }
    }
    walk(0, r1, 0)
    return p
}

@Suite struct FisherExactTests {
    /// Fisher's tea-tasting table: p = 34/70.
    @Test func twoByTwo() {
        let test = FisherExactTest.test(present: [3, 1], absent: [1, 3])
        #expect(abs(test.p - 34.0 / 70) < 1e-12)
        #expect(test.method == .fisherExact)
    }

    /// Columns of 1, 2 and 2 with 2 cases: the five tables (1,1,0), (1,0,1), (0,2,0), (0,0,2), (0,1,1)
    /// have weights 2, 2, 1, 1, 4 of C(5, 2) = 10. Observed (0,2,0): it and (0,0,2) count, 2/10.
    /// Observed (1,1,0): all but (0,1,1), 6/10. Observed (0,1,1), the most probable: 1.
    @Test(arguments: [([0, 2, 0], 0.2), ([1, 1, 0], 0.6), ([0, 1, 1], 1.0)])
    func twoByThreeByHand(present: [Int], expected: Double) {
        let absent = zip([1, 2, 2], present).map { $0 - $1 }
        #expect(abs(FisherExactTest.test(present: present, absent: absent).p - expected) < 1e-12)
    }

    /// R: fisher.test(rbind(c(5, 1, 2), c(2, 6, 3)))$p.value
    @Test func twoByThree() {
        let test = FisherExactTest.test(present: [5, 1, 2], absent: [2, 6, 3])
        #expect(abs(test.p - 0.1345161546399925) < 1e-9)
    }

    /// The network and the full enumeration agree on random tables of 2 to 5 columns.
    @Test func agreesWithFullEnumeration() async {
        let cells = zip(Gen.int(in: 0...9), Gen.int(in: 0...9)).array(of: 2...5)
        await propertyCheck(count: 150, input: cells) { cells in
            let present = cells.map(\.0), absent = cells.map(\.1)
            let test = FisherExactTest.test(present: present, absent: absent)
            let reference = fisherByFullEnumeration(present: present, absent: absent)
            #expect(test.method == .fisherExact)
            #expect(abs(test.p - min(1, reference)) <= 1e-9 * reference, "\(present) / \(absent)")
        }
    }

    /// Larger cells, three and four columns: the bounds prune more and must still be right.
    @Test func agreesWithFullEnumerationOnModerateTables() async {
        let cells = zip(Gen.int(in: 0...40), Gen.int(in: 0...40)).array(of: 3...4)
        await propertyCheck(count: 20, input: cells) { cells in
            let present = cells.map(\.0), absent = cells.map(\.1)
            let test = FisherExactTest.test(present: present, absent: absent)
            let reference = fisherByFullEnumeration(present: present, absent: absent)
            #expect(abs(test.p - min(1, reference)) <= 1e-9 * reference, "\(present) / \(absent)")
        }
    }

    /// The bounds of a subtree are the largest and smallest log-products over all its completions.
    @Test func boundsAreTheExtremesOfTheCompletions() async {
        let sizes = Gen.int(in: 1...12).array(of: 3...5)
        await propertyCheck(count: 60, input: sizes) { sizes in
            let c = sizes.sorted()
            var network = FisherNetwork(c: c, x: c.map { $0 / 2 }, budget: 1_000)
            for j in 0..<(c.count - 1) {
                for m in 0...min(network.r1, network.suffix[j]) {
                    var values: [Double] = []
                    func walk(_ t: Int, _ left: Int, _ log: Double) {
                        if t == c.count {
                            if left == 0 { values.append(log) }
                            return
                        }
                        for x in 0...min(c[t], left) { walk(t + 1, left - x, log + Distributions.logChoose(c[t], x)) }
                    }
                    walk(j, m, 0)
                    guard let most = values.max(), let least = values.min() else { continue }
                    #expect(abs(network.longest(j, m) - most) < 1e-9, "\(c) column \(j), \(m) cases")
                    #expect(abs(network.shortest(j, m) - least) < 1e-9, "\(c) column \(j), \(m) cases")
                }
            }
        }
    }

    /// The bound cache keeps values flat while small and in a dictionary past its limit, the same way.
    @Test(arguments: [10, BoundCache.flatLimit + 1])
    func boundCacheHoldsValues(count: Int) {
        var cache = BoundCache(count: count)
        #expect(cache.flat.isEmpty == (count > BoundCache.flatLimit))
        #expect(cache[7] == nil)
        cache[7] = 0
        cache[3] = -2.5
        #expect(cache[7] == 0 && cache[3] == -2.5 && cache[4] == nil)
    }

    /// Tables of 10,000 patients stay exact. R: fisher.test(rbind(present, absent), workspace = 2e8)$p.value
    @Test(arguments: [
        ([300, 280, 500, 120], [2200, 2100, 3000, 1500], 1.699576359992888e-11),
        ([610, 590, 801, 312], [1890, 1790, 2699, 1308], 0.0001561325627161832),
        ([625, 600, 875, 375], [1878, 1796, 2635, 1123], 0.9995719712455818),
        ([12, 40, 33, 9, 20], [300, 310, 280, 150, 200], 0.001593621634437066),
        ([2500, 0, 3], [2500, 7, 0], 0.003887638908749028),
        ([40, 120, 200, 380, 1250], [110, 380, 600, 1120, 3750], 0.96359582059113436),
    ])
    func largeTablesAreExact(present: [Int], absent: [Int], expected: Double) {
        let test = FisherExactTest.test(present: present, absent: absent)
        #expect(test.method == .fisherExact)
        #expect(abs(test.p - expected) <= 1e-7 * expected)
    }

    /// 2 × 5 tables of 4,000 to 10,000 patients (five groups by size as ACMG classes might be, drawn
    /// with a fixed seed) are exact within the default budget. R: fisher.test(..., workspace = 2e8),
    /// whose FEXACT differs from the exact sum by up to 6e-7 relative on these (README).
    @Test(arguments: [
        ([411, 207, 98, 38, 28], [1789, 793, 382, 162, 92], 0.49827807224552262),
        ([489, 210, 81, 38, 31], [1711, 790, 399, 162, 89], 0.059353644161459336),
        ([568, 210, 69, 37, 33], [1632, 790, 411, 163, 87], 1.2525946528499346e-07),
        ([1057, 501, 250, 108, 70], [4443, 1999, 950, 392, 230], 0.23873999971557161),
        ([1137, 439, 258, 99, 72], [4363, 2061, 942, 401, 228], 0.0033258633183288274),
        ([4494, 2006, 935, 400, 211], [1006, 494, 265, 100, 89], 1.0217113986978621e-05),
    ])
    func twoByFiveOfThousandsAreExact(present: [Int], absent: [Int], expected: Double) {
        let test = FisherExactTest.test(present: present, absent: absent)
        #expect(test.method == .fisherExact)
        #expect(test.nodes <= FisherExactTest.defaultBudget)
        #expect(abs(test.p - expected) <= 1e-6 * expected)
    }

    /// Past the node budget the p is a seeded Monte Carlo estimate, and `method` says so: the same
    /// estimate each time, within sampling error of the exact p (0.0033258625671, 10,000 patients).
    @Test func fallsBackToMonteCarloPastTheBudget() {
        let present = [1137, 439, 258, 99, 72], absent = [4363, 2061, 942, 401, 228]
        let test = FisherExactTest.test(present: present, absent: absent, budget: 1000)
        #expect(test.method == .monteCarlo)
        #expect(test.nodes > 1000)
        #expect(test.samples == FisherExactTest.monteCarloSamples)
        #expect(test == FisherExactTest.test(present: present, absent: absent, budget: 1000))
        let exact = 0.0033258625671, error = (exact * (1 - exact) / Double(test.samples)).squareRoot()
        #expect(abs(test.p - exact) < 4 * error)
    }

    /// Sampled hypergeometric draws have the distribution's mean and variance.
    @Test func hypergeometricDrawsHaveTheirMoments() {
        var rng = SplitMix64(state: 1)
        let n = 300, s = 1000, total = 4000, draws = 20_000
        let values = (0..<draws).map { _ in Double(FisherMonteCarlo.hypergeometric(draws: n, successes: s, population: total, using: &rng)) }
        let mean = values.reduce(0, +) / Double(draws)
        let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(draws - 1)
        let p = Double(s) / Double(total)
        let expectedVariance = Double(n) * p * (1 - p) * Double(total - n) / Double(total - 1)
        #expect(abs(mean - Double(n) * p) < 4 * (expectedVariance / Double(draws)).squareRoot())
        #expect(abs(variance / expectedVariance - 1) < 0.05)
    }
}
