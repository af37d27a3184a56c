public import Clinical

/// The two faces of the body figure.
public enum BodyView: String, Sendable, Hashable, CaseIterable {
    case front, back

    public var name: String { self == .front ? "Front" : "Back" }
}

/// A region of the body map: the registry's Lund-Browder `BodyRegion` code, its name, whether left
/// and right are drawn apart, and the views it is drawn on. (A test keeps these codes equal to the
/// registry's catalogue; the percentages stay there.)
public struct BodyMapRegion: Sendable, Hashable {
    public let code: String
    public let name: String
    public let paired: Bool
    public let views: [BodyView]

    public static let all: [BodyMapRegion] = [
        BodyMapRegion(code: "head", name: "Head", paired: false, views: [.front, .back]),
        BodyMapRegion(code: "neck", name: "Neck", paired: false, views: [.front, .back]),
        BodyMapRegion(code: "anterior-trunk", name: "Anterior trunk", paired: false, views: [.front]),
        BodyMapRegion(code: "posterior-trunk", name: "Posterior trunk", paired: false, views: [.back]),
        BodyMapRegion(code: "buttock", name: "Buttock", paired: true, views: [.back]),
        BodyMapRegion(code: "genitalia", name: "Genitalia", paired: false, views: [.front]),
        BodyMapRegion(code: "upper-arm", name: "Upper arm", paired: true, views: [.front, .back]),
        BodyMapRegion(code: "forearm", name: "Forearm", paired: true, views: [.front, .back]),
        BodyMapRegion(code: "hand", name: "Hand", paired: true, views: [.front, .back]),
        BodyMapRegion(code: "thigh", name: "Thigh", paired: true, views: [.front, .back]),
        BodyMapRegion(code: "lower-leg", name: "Lower leg", paired: true, views: [.front, .back]),
        BodyMapRegion(code: "foot", name: "Foot", paired: true, views: [.front, .back]),
    ]

    public static func named(_ code: String) -> BodyMapRegion? { all.first { $0.code == code } }

    /// The sides drawn for this region: left and right, or `midline` for a single shape.
    public var sides: [BodySide] { paired ? [.right, .left] : [.midline] }

    /// "Left forearm", "Head".
    public func label(_ side: BodySide) -> String {
        guard paired, side == .left || side == .right else { return name }
        return "\(side == .left ? "Left" : "Right") \(name.lowercased())"
    }
}
