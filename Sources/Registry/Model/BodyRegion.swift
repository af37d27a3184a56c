/// A region of the Lund and Browder chart (1944), with its percent of body surface per age band.
/// The list is the data in `Knowledge/body-regions.json` (with its source); a test keeps the two
/// equal, so the server needs no data file at run time.
public struct BodyRegion: Sendable, Hashable, Codable {
    public let code: String
    public let name: String
    /// Left and right are charted separately; `percent` is for one side.
    public let paired: Bool
    /// Percent of body surface at ages 0, 1, 5, 10, 15 and adult.
    public let percent: [Double]

    public static let ageBands = ["0", "1", "5", "10", "15", "adult"]

    public static let catalog: [BodyRegion] = [
        BodyRegion(code: "head", name: "Head", paired: false, percent: [19, 17, 13, 11, 9, 7]),
        BodyRegion(code: "neck", name: "Neck", paired: false, percent: [2, 2, 2, 2, 2, 2]),
        BodyRegion(code: "anterior-trunk", name: "Anterior trunk", paired: false, percent: [13, 13, 13, 13, 13, 13]),
        BodyRegion(code: "posterior-trunk", name: "Posterior trunk", paired: false, percent: [13, 13, 13, 13, 13, 13]),
        BodyRegion(code: "buttock", name: "Buttock", paired: true, percent: [2.5, 2.5, 2.5, 2.5, 2.5, 2.5]),
        BodyRegion(code: "genitalia", name: "Genitalia", paired: false, percent: [1, 1, 1, 1, 1, 1]),
        BodyRegion(code: "upper-arm", name: "Upper arm", paired: true, percent: [4, 4, 4, 4, 4, 4]),
        BodyRegion(code: "forearm", name: "Forearm", paired: true, percent: [3, 3, 3, 3, 3, 3]),
        BodyRegion(code: "hand", name: "Hand", paired: true, percent: [2.5, 2.5, 2.5, 2.5, 2.5, 2.5]),
        BodyRegion(code: "thigh", name: "Thigh", paired: true, percent: [5.5, 6.5, 8, 9, 9, 9.5]),
        BodyRegion(code: "lower-leg", name: "Lower leg", paired: true, percent: [5, 5, 5.5, 6, 6.5, 7]),
        BodyRegion(code: "foot", name: "Foot", paired: true, percent: [3.5, 3.5, 3.5, 3.5, 3.5, 3.5]),
    ]

    public static func named(_ code: String) -> BodyRegion? { catalog.first { $0.code == code } }

    /// The percent of body surface of this region (one side) at an age in years: the chart's age
    /// band at or below the age.
    public func percent(atAgeYears age: Double) -> Double {
        let bounds: [Double] = [0, 1, 5, 10, 15, 18]
        let band = bounds.lastIndex { age >= $0 } ?? 0
        return percent[min(band, percent.count - 1)]
    }
}
