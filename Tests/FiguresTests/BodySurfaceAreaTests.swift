import Clinical
import Registry
import Testing
@testable import Figures

@Suite struct BodySurfaceAreaTests {
    /// Age 5 (Lund-Browder band "5"): head 13, thigh 8, forearm 3, anterior trunk 13.
    @Test func percentAgainstAHandComputation() {
        let age = 5.5
        let lesions = [
            BodyMapLesion(region: "thigh", side: .left, depth: .muscle, percentOfRegion: 50),     // 8 x 0.5 = 4
            BodyMapLesion(region: "forearm", side: .right, depth: .fascia, percentOfRegion: 20),  // 3 x 0.2 = 0.6
            BodyMapLesion(region: "head", depth: .dermis, percentOfRegion: 10),                   // 13 x 0.1 = 1.3
            BodyMapLesion(region: "anterior-trunk", depth: .subcutis),                            // no extent: 0
        ]
        let bsa = BodySurfaceArea.percent(lesions) { BodyRegion.named($0)?.percent(atAgeYears: age) }
        #expect(abs(bsa - 5.9) < 1e-9)
    }

    @Test func adultWeightsBilateralAndTheCapAtTheWholeRegion() {
        let lesions = [
            BodyMapLesion(region: "lower-leg", side: .bilateral, percentOfRegion: 10),  // 2 x 7 x 0.1 = 1.4
            BodyMapLesion(region: "hand", side: .left, percentOfRegion: 80),
            BodyMapLesion(region: "hand", side: .left, percentOfRegion: 70),            // capped: 2.5 x 1 = 2.5
            BodyMapLesion(region: "not-a-region", side: .left, percentOfRegion: 90),    // unknown: 0
        ]
        let bsa = BodySurfaceArea.percent(lesions) { BodyRegion.named($0)?.percent(atAgeYears: 30) }
        #expect(abs(bsa - 3.9) < 1e-9)
        #expect(BodySurfaceArea.percent([]) { _ in 10 } == 0)
    }

    @Test func theMapHasExactlyTheRegistryRegions() {
        #expect(BodyMapRegion.all.map(\.code) == BodyRegion.catalog.map(\.code))
        #expect(BodyMapRegion.all.map(\.paired) == BodyRegion.catalog.map(\.paired))
        #expect(BodyMapRegion.all.map(\.name) == BodyRegion.catalog.map(\.name))
    }
}
