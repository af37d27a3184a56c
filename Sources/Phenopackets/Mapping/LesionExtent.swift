internal import Clinical
internal import Foundation

/// A lesion's extent - how much of its body region it covers, in percent - as a phenopacket
/// measurement, and back.
///
/// An exported extent is a measurement of
/// - `assay` NCIT:C25157 Body Surface Area. No NCIt, LOINC or HPO class for "percent of one body
///   region involved" was found. CDISC defines the test "Percent BSA Affected" (test code BSAAFCTP,
///   given with the body location assessed: CDISC knowledge base example "Body Surface Area of
///   Involvement (BSA)"), but its NCIt code could not be confirmed. NCIT:C25157 is the closest class
///   that could be (CDISC Biomedical Concepts, cdisc-org/COSMoS, where it maps to LOINC 8277-6);
///   the unit and the body site below make it the percent of that region's surface;
/// - `value.quantity`: the percent, unit `UCUM:%` ("percent");
/// - `timeObserved`: the lesion's age at the observation (the visit), as for the other measurements;
/// - `procedure`: NCIT:C20989 Physical Examination (the body-map charting), `bodySite` the region's
///   UBERON term - the one of the lesion feature's body-site modifier;
/// - `description`: `Ossify lesion extent: feature=phenotypicFeatures[5]; id=L1`, naming the lesion's
///   phenotypic feature (its index in the phenopacket) and its stable id. The feature is what links
///   them: one lesion seen at several visits is several features with the same id.
enum LesionExtent {
    static let assay = Phenopacket.OntologyClass(id: "NCIT:C25157", label: "Body Surface Area")
    static let unit = Phenopacket.OntologyClass(id: "UCUM:%", label: "percent")
    static let examination = Phenopacket.OntologyClass(id: "NCIT:C20989", label: "Physical Examination")
    static let prefix = "Ossify lesion extent:"

    /// The measurement of a lesion whose phenotypic feature has index `featureIndex`; nil when the
    /// lesion has no extent.
    static func measurement(for lesion: Lesion, featureIndex: Int) -> Phenopacket.Measurement? {
        guard let percent = lesion.percentOfRegion else { return nil }
        var link = ["feature=phenotypicFeatures[\(featureIndex)]"]
        if let id = lesion.id { link.append("id=" + LesionNote.clean(id)) }
        return Phenopacket.Measurement(
            assay: assay, value: .quantity(Phenopacket.Quantity(unit: unit, value: percent)),
            description: prefix + " " + link.joined(separator: "; "),
            timeObserved: lesion.age.map { .age(iso8601duration: $0.description) },
            procedure: Phenopacket.Procedure(code: examination, bodySite: BodySite.term(forRegion: lesion.region)))
    }

    /// Sets the extent of each lesion that a measurement of `measurements` names (a measurement whose
    /// description starts with ``prefix``; other measurements are left alone). `lesionAtFeature` maps
    /// the index of a phenotypic feature to the index of the lesion read from it.
    ///
    /// - Returns: why extents were refused, by JSON path: a value that is not a quantity in `UCUM:%`
    ///   between 0 and 100, a description that names no lesion feature or one whose id differs, a
    ///   lesion given two extents. The texts repeat no value of the document.
    static func apply(_ measurements: [Phenopacket.Measurement], to lesions: inout [Lesion],
                      lesionAtFeature: [Int: Int]) -> [PhenopacketError.Issue] {
        var issues: [PhenopacketError.Issue] = []
        var given: Set<Int> = []
        for (i, m) in measurements.enumerated() {
            guard let fields = LesionNote.fields(m.description, prefix: prefix) else { continue }
            let path = "measurements[\(i)]"
            guard case .quantity(let q)? = m.value else {
                issues.append(.init(path: path + ".value", problem: .other("a lesion extent must be a quantity in percent")))
                continue
            }
            let before = issues.count
            if let unit = q.unit, Phenopacket.unitText(unit) != "%" {
                issues.append(.init(path: path + ".value.quantity.unit", problem: .unknownValue(allowed: ["UCUM:%"])))
            }
            if !(0...100).contains(q.value) {
                issues.append(.init(path: path + ".value.quantity.value", problem: .outOfRange(allowed: "0 to 100 percent of the body region")))
            }
            guard let index = lesionIndex(fields, lesions: lesions, lesionAtFeature: lesionAtFeature) else {
                issues.append(.init(path: path + ".description", problem: .other(
                    "names no lesion: give feature=phenotypicFeatures[N] of a lesion feature, or the id of exactly one lesion")))
                continue
            }
            if let id = fields["id"], fields["feature"] != nil, lesions[index].id != id {
                issues.append(.init(path: path + ".description", problem: .other("the id is not the id of the lesion feature named")))
            } else if !given.insert(index).inserted {
                issues.append(.init(path: path + ".description", problem: .other("the lesion already has an extent in an earlier measurement")))
            }
            if issues.count == before { lesions[index].percentOfRegion = q.value }
        }
        return issues
    }

    /// The lesion a description names: by its feature when `feature=` is given, else by an `id=` that
    /// exactly one lesion has.
    static func lesionIndex(_ fields: [String: String], lesions: [Lesion], lesionAtFeature: [Int: Int]) -> Int? {
        if let feature = fields["feature"] {
            let digits = feature.drop { $0 != "[" }.dropFirst().prefix { $0.isNumber }
            guard feature.hasPrefix("phenotypicFeatures["), let n = Int(digits) else { return nil }
            return lesionAtFeature[n]
        }
        guard let id = fields["id"] else { return nil }
        let matches = lesions.indices.filter { lesions[$0].id == id }
        return matches.count == 1 ? matches[0] : nil
    }
}
