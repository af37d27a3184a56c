internal import Clinical

/// The body region and side of a measurement (a limb segment length), which a phenopacket
/// measurement has no field for: `procedure` NCIT:C20989 Physical Examination with `bodySite` the
/// region's UBERON term (see `BodySite`), and the description `Ossify measurement:
/// site=lower-leg; side=left`, which import reads back (the registry's region code and side).
enum MeasurementSite {
    static let prefix = "Ossify measurement:"

    /// Writes a lab's site and side into its measurement; nothing when it has neither.
    static func write(_ lab: LabResult, into m: inout Phenopacket.Measurement) {
        var note: [String] = []
        if let site = lab.bodySite { note.append("site=" + LesionNote.clean(site)) }
        if let side = lab.side { note.append("side=" + side.rawValue) }
        guard !note.isEmpty else { return }
        m.description = prefix + " " + note.joined(separator: "; ")
        if let term = lab.bodySite.flatMap(BodySite.term(forRegion:)) {
            m.procedure = Phenopacket.Procedure(code: LesionExtent.examination, bodySite: term)
        }
    }

    /// Reads the site and side of a measurement's note into its lab; an unknown side is an issue.
    static func read(_ m: Phenopacket.Measurement, into lab: inout LabResult, path: String) -> PhenopacketError.Issue? {
        guard let fields = LesionNote.fields(m.description, prefix: prefix) else { return nil }
        lab.bodySite = fields["site"]
        guard let text = fields["side"] else { return nil }
        guard let side = BodySide(rawValue: text) else {
            return .init(path: path + ".description", problem: .unknownValue(allowed: BodySide.allCases.map(\.rawValue)))
        }
        lab.side = side
        return nil
    }
}
