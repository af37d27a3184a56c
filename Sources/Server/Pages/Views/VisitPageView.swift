import Registry

/// The visit page: the visit's own form, its parts, and a form per kind of part.
struct VisitPageView: Sendable {
    let heading: String
    let patientHref: String
    let action: String
    let deleteVisitAction: String
    let visitVersion: String
    let edit: [FormFieldView]
    let editErrors: Bool
    let stale: String?
    let entry: PatientPageView.VisitEntry
    /// The visit's body map (`VisitBodyMap`), inline SVG whose regions fill the lesion form.
    let bodyMap: String
    let forms: [PartFormView]
}

/// The edit page of one part of a visit.
struct PartEditView: Sendable {
    let heading: String
    let visitHref: String
    let action: String
    let version: String
    let fields: [FormFieldView]
    let hasErrors: Bool
    let unplaced: [String]
    let stale: String?
}

/// A form adding one kind of part (`collection`, the API's name) to a visit.
struct PartFormView: Sendable {
    let collection: String
    let heading: String
    let action: String
    let fields: [FormFieldView]
    let hasErrors: Bool
    let unplaced: [String]
    /// The variant form: what the variant engine reads in the HGVS typed, and where "Read" goes.
    let reading: String?
    let readAction: String?
}
