#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The known parameters of the seeder's synthetic natural histories, so that a test can check the
/// cohort analyses recover them. Nothing here is a clinical estimate.
///
/// Each patient's deepest tissue follows a progressive continuous-time Markov chain from birth:
/// none → dermis (onset) → subcutis → deep (fascia, muscle) → joint, with the intensities below
/// (per year). An excision of the first lesion recurs after an exponential time whose rate depends
/// on the lesion's morphology.
public struct NaturalHistory: Sendable, Equatable {
    /// Intensities per year: none → dermis, dermis → subcutis, subcutis → deep, deep → joint.
    public var progression: [Double]
    /// Recurrence rate per year after excision, circumscribed and diffuse lesions.
    public var recurrenceCircumscribed: Double
    public var recurrenceDiffuse: Double
    /// Probability that a patient with a lesion has the first one excised.
    public var excisionProbability: Double
    /// Share of diffuse first lesions.
    public var diffuseShare: Double
    /// Shares of parent of origin: paternal, maternal, de novo (the rest unknown).
    public var paternalShare: Double
    public var maternalShare: Double
    public var deNovoShare: Double

    public static let standard = NaturalHistory(
        progression: [0.5, 0.35, 0.2, 0.1], recurrenceCircumscribed: 0.1, recurrenceDiffuse: 0.6,
        excisionProbability: 0.4, diffuseShare: 0.5, paternalShare: 0.7, maternalShare: 0.2, deNovoShare: 0.08)

    /// The ages (years) at which the chain enters each stage after none, up to `horizon`; a stage not
    /// reached by then is absent.
    func stageEntries<G: RandomNumberGenerator>(until horizon: Double, using rng: inout G) -> [Double] {
        var ages: [Double] = []
        var t = 0.0
        for rate in progression {
            t += Self.exponential(rate, using: &rng)
            if t > horizon { break }
            ages.append(t)
        }
        return ages
    }

    static func exponential<G: RandomNumberGenerator>(_ rate: Double, using rng: inout G) -> Double {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &rng)
        return -log(u) / rate
    }
}
