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
        let mapVisit = PatientFigures.bodyMapVisit(visit, age: PatientFigures.age(visit))
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
