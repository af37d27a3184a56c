import Clinical
import Registry

/// Readings of stored values through the engines, for display: a lab result against its
/// age- and sex-specific interval, an HGVS expression through the variant engine.
enum RecordReadings {
    struct Lab: Sendable {
        /// low, normal, high or unknown (shown as a word, not only a colour).
        let flag: String
        let flagClass: String
        let text: String
    }

    /// The flag and the converted value of a measurement of a known analyte; nil for other assays
    /// or without engines.
    static func lab(_ m: [String: JSONValue], ageAtVisit: String?, sex: Sex, knowledge: PageKnowledge) -> Lab? {
        guard let labs = knowledge.engines?.labs, let loinc = m["loinc"]?.stringValue, let value = m["value"]?.doubleValue,
              let unit = m["unit"]?.stringValue, labs.analyte(named: "LOINC:" + loinc) != nil else { return nil }
        let age = ageAtVisit.flatMap { try? Age(iso8601: $0) }
        let result = LabResult(analyte: "LOINC:" + loinc, value: value, unit: unit,
                               referenceLow: m["referenceLow"]?.doubleValue, referenceHigh: m["referenceHigh"]?.doubleValue)
        do {
            let r = try labs.interpret(result, age: age, sex: sex)
            var text = "\(number(r.conventional.value)) \(r.conventional.unit) (\(number(r.si.value)) \(r.si.unit))"
            if let interval = r.interval {
                text += "; interval \(number(interval.low))-\(interval.high.map(number) ?? "") \(r.conventional.unit) for \(interval.population)"
            }
            if let term = r.impliedTermLabel, let id = r.impliedTerm { text += "; implies \(term) (\(id))" }
            if let note = r.note { text += "; \(note)" }
            return Lab(flag: r.flag.rawValue, flagClass: "flag-" + r.flag.rawValue, text: text)
        } catch {
            return Lab(flag: "refused", flagClass: "flag-unknown", text: error.description)
        }
    }

    /// What the variant engine reads in an HGVS expression, or why it cannot.
    static func hgvs(_ text: String, knowledge: PageKnowledge) -> String {
        do {
            let variant = try HGVSVariant(parsing: text)
            let consequence = VariantConsequence(variant, transcript: knowledge.engines?.transcript)
            let out = "\(variant.description): \(consequence.consequence.rawValue); loss of function \(consequence.lossOfFunction.rawValue)"
            return out
        } catch {
            return "not valid HGVS: \(error.message) (at character \(error.offset + 1))"
        }
    }

    static func number(_ x: Double) -> String {
        let rounded = (x * 100).rounded() / 100
        return rounded == rounded.rounded() && abs(rounded) < 1e12 ? String(Int64(rounded)) : String(rounded)
    }
}
