import Clinical

/// Ossify's own body outline, front and back, one shape per region and side. Shapes are given for
/// the figure's left half as the viewer sees it (negative x); the other half is their mirror. On the
/// front the patient faces the viewer, so the patient's right is on the viewer's left; on the back
/// the patient's left is on the viewer's left.
enum BodyFigure {
    static let width = 170.0
    static let height = 392.0

    struct Placement: Sendable, Equatable {
        let region: BodyMapRegion
        let side: BodySide
        let shape: BodyShape
    }

    /// Every shape of a view, in drawing order.
    static func placements(_ view: BodyView) -> [Placement] {
        BodyMapRegion.all.filter { $0.views.contains(view) }.flatMap { region -> [Placement] in
            guard let shape = viewerLeftShape(region.code, view) else { return [] }
            guard region.paired else { return [Placement(region: region, side: .midline, shape: shape)] }
            let onViewerLeft: BodySide = view == .front ? .right : .left
            let other: BodySide = onViewerLeft == .right ? .left : .right
            return [Placement(region: region, side: onViewerLeft, shape: shape),
                    Placement(region: region, side: other, shape: shape.mirrored)]
        }
    }

    /// The side of the patient drawn on the viewer's left of `view`.
    static func viewerLeftSide(_ view: BodyView) -> BodySide { view == .front ? .right : .left }

    static func viewerLeftShape(_ code: String, _ view: BodyView) -> BodyShape? {
        switch (code, view) {
        case ("head", _): BodyShape(form: .ellipse(cx: 0, cy: 30, rx: 21, ry: 26))
        case ("neck", _): .path([.move(-10, 55), .line(10, 55), .line(12, 71), .line(-12, 71)])
        case ("anterior-trunk", .front):
            .path([.move(-12, 73), .line(12, 73), .line(37, 79), .quad(46, 81, 46, 94), .line(44, 140),
                   .quad(40, 168, 44, 196), .line(10, 206), .line(0, 208), .line(-10, 206), .line(-44, 196),
                   .quad(-40, 168, -44, 140), .line(-46, 94), .quad(-46, 81, -37, 79)])
        case ("posterior-trunk", .back):
            .path([.move(-12, 73), .line(12, 73), .line(37, 79), .quad(46, 81, 46, 94), .line(44, 140),
                   .quad(40, 160, 42, 176), .line(-42, 176), .quad(-40, 160, -44, 140), .line(-46, 94),
                   .quad(-46, 81, -37, 79)])
        case ("genitalia", .front):
            .path([.move(-8, 209), .line(0, 211), .line(8, 209), .line(5, 225), .line(0, 229), .line(-5, 225)])
        case ("buttock", .back):
            .path([.move(-42, 178), .line(-1.5, 178), .line(-1.5, 214), .quad(-22, 222, -44, 205), .quad(-42, 190, -42, 178)])
        case ("upper-arm", _):
            .path([.move(-40, 77), .quad(-60, 77, -63, 96), .line(-67, 148), .line(-53, 150), .line(-50, 100),
                   .quad(-49, 85, -40, 77)])
        case ("forearm", _): .path([.move(-67, 151), .line(-53, 153), .line(-58, 212), .line(-72, 210)])
        case ("hand", _):
            .path([.move(-72, 212), .line(-58, 214), .quad(-55, 232, -61, 241), .quad(-70, 246, -76, 237),
                   .quad(-78, 222, -72, 212)])
        case ("thigh", .front):
            .path([.move(-44, 199), .line(-11, 208), .line(-6, 228), .line(-8, 292), .line(-36, 292),
                   .quad(-48, 250, -44, 199)])
        case ("thigh", .back):
            .path([.move(-44, 208), .quad(-24, 226, -3, 217), .line(-8, 292), .line(-36, 292), .quad(-47, 252, -44, 208)])
        case ("lower-leg", _): .path([.move(-36, 294), .line(-8, 294), .line(-12, 362), .line(-27, 362), .quad(-37, 330, -36, 294)])
        case ("foot", .front): .path([.move(-27, 364), .line(-12, 364), .quad(-8, 376, -6, 385), .line(-34, 385), .quad(-34, 372, -27, 364)])
        case ("foot", .back): .path([.move(-27, 364), .line(-12, 364), .line(-12, 380), .quad(-20, 388, -28, 380)])
        default: nil
        }
    }
}
