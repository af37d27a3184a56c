/// The content of phenotype.hpoa: its version line, diseases in file order, and every annotation.
public struct HPOADocument: Sendable {
    public var version: String?
    public var diseases: [Disease]
    public var annotations: [Annotation]
}

/// A parser for the HPO annotation file phenotype.hpoa (the 12-column format of releases since 2021):
/// database_id, disease_name, qualifier, hpo_id, reference, evidence, onset, frequency, sex,
/// modifier, aspect, biocuration.
public enum HPOAParser {
    static let columns = ["database_id", "disease_name", "qualifier", "hpo_id", "reference", "evidence",
                          "onset", "frequency", "sex", "modifier", "aspect", "biocuration"]

    public static func parse(_ bytes: [UInt8], file: String) throws(DataFileError) -> HPOADocument {
        var doc = HPOADocument(version: nil, diseases: [], annotations: [])
        doc.annotations.reserveCapacity(280_000)
        var diseaseIndex: [TermID: Int] = [:]
        var sawHeader = false
        func fail(_ line: Int, _ field: String?, _ reason: String) -> DataFileError {
            DataFileError(file: file, line: line, field: field, reason: reason)
        }
        for line in TextLines(bytes: bytes) {
            let r = line.range
            if r.isEmpty { continue }
            if bytes[r.lowerBound] == UInt8(ascii: "#") {
                if bytes.hasPrefix("#version:", in: r) {
                    doc.version = bytes.string((r.lowerBound + 9)..<r.upperBound).trimmed
                }
                continue
            }
            let f = bytes.tabFields(r)
            if !sawHeader {
                sawHeader = true
                if bytes.hasPrefix("database_id", in: r) {
                    let names = f.map { bytes.string($0) }
                    guard names == columns else {
                        throw fail(line.number, nil, "unexpected header; expected the 12 columns \(columns.joined(separator: ", "))")
                    }
                    continue
                }
            }
            guard f.count == 12 else { throw fail(line.number, nil, "expected 12 tab-separated columns, found \(f.count)") }
            let diseaseText = bytes.string(f[0])
            guard let disease = TermID(diseaseText) else { throw fail(line.number, "database_id", "'\(diseaseText)' is not a disease id") }
            let termText = bytes.string(f[3])
            guard let term = TermID(termText), term.prefix == "HP" else { throw fail(line.number, "hpo_id", "'\(termText)' is not an HPO id") }
            let qualifier = bytes.string(f[2])
            guard qualifier.isEmpty || qualifier == "NOT" else { throw fail(line.number, "qualifier", "must be empty or NOT") }
            let onsetText = bytes.string(f[6])
            var onset: TermID?
            if !onsetText.isEmpty {
                guard let id = TermID(onsetText) else { throw fail(line.number, "onset", "'\(onsetText)' is not an HPO id") }
                onset = id
            }
            let frequency = try parseFrequency(bytes.string(f[7]), line: line.number, file: file)
            let sexText = bytes.string(f[8])
            var sex: AnnotationSex?
            if !sexText.isEmpty {
                guard let s = AnnotationSex(rawValue: sexText.uppercased()) else { throw fail(line.number, "sex", "must be MALE, FEMALE or empty") }
                sex = s
            }
            var modifiers: [TermID] = []
            let modifierText = bytes.string(f[9])
            if !modifierText.isEmpty {
                for part in modifierText.split(separator: ";") {
                    guard let id = TermID(part) else { throw fail(line.number, "modifier", "'\(part)' is not an HPO id") }
                    if !modifiers.contains(id) { modifiers.append(id) }
                }
            }
            let aspectText = bytes.string(f[10])
            guard let aspect = AnnotationAspect(rawValue: aspectText) else { throw fail(line.number, "aspect", "must be one of P, I, C, M, H") }
            if diseaseIndex[disease] == nil {
                diseaseIndex[disease] = doc.diseases.count
                doc.diseases.append(Disease(id: disease, name: bytes.string(f[1])))
            }
            let refs = bytes.string(f[4])
            doc.annotations.append(Annotation(
                disease: disease, term: term, negated: qualifier == "NOT",
                references: refs.isEmpty ? [] : refs.split(separator: ";").map(String.init),
                evidence: bytes.string(f[5]), onset: onset, frequency: frequency, sex: sex,
                modifiers: modifiers, aspect: aspect, biocuration: bytes.string(f[11])))
        }
        return doc
    }

    /// Frequency as an HPO term (HP:0040281), a ratio (3/7) or a percentage (45%, 12.5%).
    public static func parseFrequency(_ text: String, line: Int, file: String) throws(DataFileError) -> AnnotationFrequency? {
        if text.isEmpty || text == "-" { return nil }
        func fail(_ reason: String) -> DataFileError { DataFileError(file: file, line: line, field: "frequency", reason: reason) }
        if text.hasPrefix("HP:") {
            guard let id = TermID(text), AnnotationFrequency.termValues[id] != nil else {
                throw fail("'\(text)' is not an HPO frequency term (HP:0040280-HP:0040285)")
            }
            return .term(id)
        }
        if text.hasSuffix("%") {
            guard let p = Double(text.dropLast()), p >= 0, p <= 100 else { throw fail("'\(text)' is not a percentage from 0% to 100%") }
            return .percent(p)
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let n = Int(parts[0]), let m = Int(parts[1]), n >= 0, m > 0, n <= m else {
            throw fail("'\(text)' is not a frequency (an HPO frequency term, n/m with n <= m, or a percentage)")
        }
        return .ratio(n, m)
    }
}
