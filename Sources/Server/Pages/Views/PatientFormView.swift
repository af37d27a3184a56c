import Registry

/// The new-patient and edit-patient form: the fields of `PatientFields` in two groups, the user's
/// input and the problems beside each field.
struct PatientFormView: Sendable {
    struct Group: Sendable {
        let legend: String
        let fields: [FormFieldView]
    }

    let heading: String
    let action: String
    let cancel: String
    let version: String?
    let groups: [Group]
    let hasErrors: Bool
    let unplaced: [String]
    let stale: String?

    /// The fields of the GNAS-spectrum assessment; the rest are the EU common data elements.
    static let testKeys = ["gnasSequencing", "gnasMethylation", "acvr1", "gsAlphaActivity", "lesionImaging", "flareUps"]

    init(heading: String, action: String, cancel: String, version: Int?, values: [String: String], errors: FieldErrors, stale: String? = nil) {
        self.heading = heading
        self.action = action
        self.cancel = cancel
        self.version = version.map(String.init)
        let elements = PatientFields.columns.map(\.key).filter { !Self.testKeys.contains($0) }
        groups = [
            Group(legend: "EU common data elements", fields: RecordForm.fields(PatientFields.self, values: values, errors: errors.byField,
                                                                           formID: "patient", keys: elements)),
            Group(legend: "GNAS-spectrum tests", fields: RecordForm.fields(PatientFields.self, values: values, errors: errors.byField,
                                                                       formID: "patient", keys: Self.testKeys)),
        ]
        hasErrors = !errors.byField.isEmpty
        unplaced = errors.unplaced(shown: PatientFields.columns.map(\.key))
        self.stale = stale
    }
}
