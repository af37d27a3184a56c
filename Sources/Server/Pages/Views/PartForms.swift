import Registry

/// The forms of the parts of a visit, one per kind, each made from its fields' column list with
/// the knowledge base's choices where it has them: the add forms of the visit page and the edit
/// form of one part.
struct PartForms: Sendable {
    /// How one kind of part is asked for.
    struct Spec: Sendable {
        let collection: String
        let heading: String
        var choices: RecordForm.Choices = [:]
        var labels: [String: String] = [:]
        var hints: [String: String] = [:]
        var hpoSearch: Set<String> = []

        func fields<F: RecordFields>(_: F.Type, values: [String: String], errors: FieldErrors, formID: String) -> [FormFieldView] {
            RecordForm.fields(F.self, values: values, errors: errors.byField, formID: formID, choices: choices, labels: labels,
                              hints: hints, hpoSearch: hpoSearch)
        }
    }

    let specs: [Spec]

    init(knowledge: PageKnowledge) {
        var phenotypeChoices: RecordForm.Choices = ["excluded": [(value: "false", label: "observed"),
                                                                 (value: "true", label: "excluded (looked for, absent)")]]
        if !knowledge.onsets.isEmpty { phenotypeChoices["onset"] = knowledge.onsets }
        if !knowledge.severities.isEmpty { phenotypeChoices["severity"] = knowledge.severities }
        if !knowledge.lateralities.isEmpty { phenotypeChoices["laterality"] = knowledge.lateralities }
        var labChoices: RecordForm.Choices = [:]
        if !knowledge.analytes.isEmpty { labChoices["loinc"] = knowledge.analytes }
        specs = [
            Spec(collection: "phenotypic-features", heading: "Phenotypic feature", choices: phenotypeChoices,
                 labels: ["hpoId": "HPO term", "excluded": "Observed or excluded"],
                 hints: ["hpoId": "An HPO id (HP:0001234) or the term's exact name or synonym; type to search."],
                 hpoSearch: ["hpoId"]),
            Spec(collection: "measurements", heading: "Lab result or measurement", choices: labChoices,
                 labels: ["loinc": "Analyte (LOINC)"],
                 hints: ["unit": "A unit of the analyte; the value is converted and flagged against the interval for the patient's age and sex."]),
            Spec(collection: "variants", heading: "Variant",
                 hints: ["hgvs": "Read it before saving: the variant engine shows the consequence."]),
            Spec(collection: "diagnoses", heading: "Diagnosis"),
            Spec(collection: "procedures", heading: "Procedure"),
            Spec(collection: "lesions", heading: "Lesion", choices: ["region": BodyRegion.catalog.map { (value: $0.code, label: $0.name) }]),
            Spec(collection: "joint-involvements", heading: "Joint score"),
        ]
    }

    func spec(_ collection: String) -> Spec {
        specs.first { $0.collection == collection } ?? Spec(collection: collection, heading: collection)
    }

    /// The add forms of the visit page; `retry`: the one to show again with the user's input.
    func addForms(visitID: Int64, retry: VisitPages.Retry?, reading: String?) -> [PartFormView] {
        func make<F: RecordFields>(_: F.Type, _ collection: String) -> PartFormView {
            let spec = spec(collection)
            let mine = retry?.collection == collection ? retry : nil
            let errors = mine?.errors ?? FieldErrors([])
            let fields = spec.fields(F.self, values: mine?.values ?? [:], errors: errors, formID: collection)
            return PartFormView(collection: collection, heading: "Add: " + spec.heading.lowercased(), action: "/visits/\(visitID)/\(collection)",
                                fields: fields, hasErrors: !errors.byField.isEmpty, unplaced: errors.unplaced(shown: fields.map(\.name)),
                                reading: collection == "variants" ? reading : nil,
                                readAction: collection == "variants" ? "/visits/\(visitID)/variants/read" : nil)
        }
        return [
            make(PhenotypicFeatureFields.self, "phenotypic-features"), make(MeasurementFields.self, "measurements"),
            make(VariantFields.self, "variants"), make(DiagnosisFields.self, "diagnoses"), make(ProcedureFields.self, "procedures"),
            make(LesionFields.self, "lesions"), make(JointInvolvementFields.self, "joint-involvements"),
        ]
    }
}
