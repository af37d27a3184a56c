import Registry

/// The add forms of the visit page, one per kind of part, each made from its fields' column list
/// with the knowledge base's choices where it has them.
enum PartForms {
    static func all(visitID: Int64, retry: VisitPages.Retry?, reading: String?, knowledge: PageKnowledge) -> [PartFormView] {
        func make<F: RecordFields>(_: F.Type, _ collection: String, _ heading: String, keys: [String]? = nil,
                                   choices: RecordForm.Choices = [:], labels: [String: String] = [:], hints: [String: String] = [:],
                                   hpoSearch: Set<String> = []) -> PartFormView {
            let mine = retry?.collection == collection ? retry : nil
            let errors = mine?.errors ?? FieldErrors([])
            let fields = RecordForm.fields(F.self, values: mine?.values ?? [:], errors: errors.byField, formID: collection, keys: keys,
                                           choices: choices, labels: labels, hints: hints, hpoSearch: hpoSearch)
            return PartFormView(collection: collection, heading: heading, action: "/visits/\(visitID)/\(collection)", fields: fields,
                                hasErrors: !errors.byField.isEmpty, unplaced: errors.unplaced(shown: fields.map(\.name)),
                                reading: collection == "variants" ? reading : nil,
                                readAction: collection == "variants" ? "/visits/\(visitID)/variants/read" : nil)
        }
        var phenotypeChoices: RecordForm.Choices = ["excluded": [(value: "false", label: "observed"),
                                                                 (value: "true", label: "excluded (looked for, absent)")]]
        if !knowledge.onsets.isEmpty { phenotypeChoices["onset"] = knowledge.onsets }
        if !knowledge.severities.isEmpty { phenotypeChoices["severity"] = knowledge.severities }
        if !knowledge.lateralities.isEmpty { phenotypeChoices["laterality"] = knowledge.lateralities }
        var labChoices: RecordForm.Choices = [:]
        if !knowledge.analytes.isEmpty { labChoices["loinc"] = knowledge.analytes }
        return [
            make(PhenotypicFeatureFields.self, "phenotypic-features", "Add a phenotypic feature", choices: phenotypeChoices,
                 labels: ["hpoId": "HPO term", "excluded": "Observed or excluded"],
                 hints: ["hpoId": "An HPO id (HP:0001234) or the term's exact name or synonym; type to search."],
                 hpoSearch: ["hpoId"]),
            make(MeasurementFields.self, "measurements", "Add a lab result or measurement", choices: labChoices,
                 labels: ["loinc": "Analyte (LOINC)"],
                 hints: ["unit": "A unit of the analyte; the value is converted and flagged against the interval for the patient's age and sex."]),
            make(VariantFields.self, "variants", "Add a variant",
                 hints: ["hgvs": "Read it before adding: the variant engine shows the consequence."]),
            make(DiagnosisFields.self, "diagnoses", "Add a diagnosis"),
            make(ProcedureFields.self, "procedures", "Add a procedure"),
            make(LesionFields.self, "lesions", "Add a lesion",
                 choices: ["region": BodyRegion.catalog.map { (value: $0.code, label: $0.name) }]),
            make(JointInvolvementFields.self, "joint-involvements", "Add a joint score"),
        ]
    }
}
