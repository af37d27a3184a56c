internal import Clinical
internal import Foundation

/// What a lesion exported as a phenotypic feature has no ontology term for - its stable id, its
/// morphology, a midline side, a region name that the body-site term does not give back, the surface
/// (anterior, posterior) and how it was seen (imaging) - written in the feature's `description` as
/// `Ossify lesion: id=L1; region=anterior trunk; morphology=plaque; side=midline; surface=anterior;
/// imaging=radiograph`, and read back from it.
enum LesionNote {
    static let prefix = "Ossify lesion:"

    /// The note for a lesion; empty when the ontology terms carry everything.
    static func text(for lesion: Lesion) -> String {
        var parts: [String] = []
        if let id = lesion.id { parts.append("id=" + clean(id)) }
        let regionFromTerm = BodySite.term(forRegion: lesion.region).flatMap { BodySite.region(forID: $0.id) }
        if regionFromTerm != lesion.region { parts.append("region=" + clean(lesion.region)) }
        if let morphology = lesion.morphology { parts.append("morphology=" + morphology.rawValue) }
        if lesion.side == .midline { parts.append("side=" + BodySide.midline.rawValue) }
        if let surface = lesion.surface { parts.append("surface=" + surface.rawValue) }
        if let imaging = lesion.imaging { parts.append("imaging=" + imaging.rawValue) }
        return parts.isEmpty ? "" : prefix + " " + parts.joined(separator: "; ")
    }

    /// The fields of a note (a text that starts with `prefix`); nil when the text is not one.
    static func fields(_ text: String, prefix: String = prefix) -> [String: String]? {
        guard text.hasPrefix(prefix) else { return nil }
        var fields: [String: String] = [:]
        for part in text.dropFirst(prefix.count).split(separator: ";") {
            guard let equals = part.firstIndex(of: "=") else { continue }
            let key = part[..<equals].trimmingCharacters(in: .whitespaces)
            let value = part[part.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if !key.isEmpty, !value.isEmpty { fields[key] = value }
        }
        return fields
    }

    /// Applies a note's fields to a lesion read from the ontology terms.
    static func apply(_ fields: [String: String], to lesion: inout Lesion) {
        if let id = fields["id"] { lesion.id = id }
        if let region = fields["region"] { lesion.region = region }
        if let morphology = fields["morphology"].flatMap(LesionMorphology.init(rawValue:)) { lesion.morphology = morphology }
        if let side = fields["side"].flatMap(BodySide.init(rawValue:)) { lesion.side = side }
        if let surface = fields["surface"].flatMap(BodySurface.init(rawValue:)) { lesion.surface = surface }
        if let imaging = fields["imaging"].flatMap(ImagingModality.init(rawValue:)) { lesion.imaging = imaging }
    }

    /// Keeps the note parseable: no separators inside values.
    static func clean(_ value: String) -> String {
        value.replacingOccurrences(of: ";", with: ",").replacingOccurrences(of: "=", with: "-")
            .trimmingCharacters(in: .whitespaces)
    }
}
