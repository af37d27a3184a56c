import Clinical
import Figures
import Registry

/// The body map of one visit for the visit page: the visit's lesions (from the record's JSON) drawn
/// by `Figures`, each region a button that fills the page's lesion form (`#add-lesions-form`), or
/// without JavaScript a link back to this page with the region, side and surface in the query,
/// which `prefill` reads into the same form.
enum VisitBodyMap {
    static let formID = "add-lesions-form"

    static func svg(_ visit: [String: JSONValue], visitID: Int64) -> String {
        let age = visit["ageAtVisit"]?.stringValue.flatMap { try? Age(iso8601: $0) }?.totalYears
        let lesions = (visit["lesions"]?.arrayValue ?? []).compactMap { value -> BodyMapLesion? in
            guard let l = value.objectValue, let region = l["region"]?.stringValue else { return nil }
            let surface = l["surface"]?.stringValue.flatMap(BodySurface.init)
            return BodyMapLesion(region: region, side: l["side"]?.stringValue.flatMap(BodySide.init),
                                 view: surface.map { $0 == .anterior ? .front : .back },
                                 depth: l["depth"]?.stringValue.flatMap(TissueDepth.init),
                                 percentOfRegion: l["percentOfRegion"]?.doubleValue)
        }
        let bsa = age.map { a in BodySurfaceArea.percent(lesions) { BodyRegion.named($0)?.percent(atAgeYears: a) } }
        let mapVisit = BodyMapVisit(label: visit["date"]?.stringValue ?? "", ageYears: age, bodySurfacePercent: bsa, lesions: lesions)
        return BodyMap.svg(mapVisit, options: .init(id: "visit-body-map",
                                                    link: BodyMapLink(lesionFormURL: "/visits/\(visitID)", formID: formID)))
    }

    /// The lesion form's region, side and surface from the query of a body-map link.
    static func prefill(_ query: [String: String]) -> [String: String]? {
        guard let region = query["region"], BodyRegion.named(region) != nil else { return nil }
        var values = ["region": region]
        if let side = query["side"], BodySide(rawValue: side) != nil { values["side"] = side }
        if let surface = query["surface"], BodySurface(rawValue: surface) != nil { values["surface"] = surface }
        return values
    }
}
