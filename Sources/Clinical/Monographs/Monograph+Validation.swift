public import Ontology

extension Monograph {
    /// The structural problems of this monograph that decoding cannot see: facts without sources or
    /// citing unknown ones, UNCONFIRMED marks without a note, malformed ids, differentials naming no
    /// known disease. `knownKeys` are the keys of every curated monograph (for differentials).
    public func validate(file: String, sources: MonographSourceList, knownKeys: Set<String>) -> [MonographError] {
        var errors: [MonographError] = []
        func fail(_ path: String, _ reason: String) {
            errors.append(MonographError(file: file, path: path, reason: reason))
        }
        let sourceKeys = Set(sources.sources.map(\.key))
        let expectedKey = file.hasSuffix(".json") ? String(file.dropLast(5)) : file
        if key != expectedKey { fail("key", "'\(key)' does not match the file name '\(expectedKey)'") }
        if description.isEmpty { fail("description", "at least one sourced sentence is required") }

        for fact in facts {
            if fact.provenance.sources.isEmpty { fail(fact.path + ".sources", "no source given") }
            for (i, s) in fact.provenance.sources.enumerated() where !sourceKeys.contains(s) {
                fail(fact.path + ".sources[\(i)]", "unknown source '\(s)' (not in sources.json)")
            }
            if fact.provenance.unconfirmed, (fact.provenance.note ?? "").isEmpty {
                fail(fact.path + ".note", "an unconfirmed fact needs a note saying what is unconfirmed")
            }
        }
        for (i, id) in identifiers.enumerated() {
            if let reason = Self.diseaseIDProblem(id.value) { fail("identifiers[\(i)].value", reason) }
        }
        if let t = alternativeTitleOf {
            if t.value.prefix != "OMIM" || Self.diseaseIDProblem(t.value) != nil {
                fail("alternativeTitleOf.value", "'\(t.value)' is not an OMIM id (OMIM: and six digits)")
            }
        }
        if let g = gene?.value.omimGene, g.prefix != "OMIM" || !Self.isDigits(g.local, count: 6) {
            fail("gene.value.omimGene", "'\(g)' is not an OMIM gene id (OMIM: and six digits)")
        }
        for (path, id) in hpoTerms where id.prefix != "HP" || !Self.isDigits(id.local, count: 7) {
            fail(path, "'\(id)' is not an HPO id (HP: and seven digits)")
        }
        for (i, f) in clinicalFeatures.enumerated() where f.value.hpo == nil && (f.note ?? "").isEmpty {
            fail("clinicalFeatures[\(i)].value.hpo", "a feature without an HPO term needs a note saying why")
        }
        for (i, d) in differentials.enumerated() {
            let n = d.value.neighbour
            if let id = TermID(n) {
                if let reason = Self.diseaseIDProblem(id) { fail("differentials[\(i)].value.neighbour", reason) }
            } else if !knownKeys.contains(n) {
                fail("differentials[\(i)].value.neighbour", "'\(n)' is neither a disease id nor the key of a curated monograph")
            }
        }
        for (i, r) in references.enumerated() {
            if let pmid = r.value.pmid, pmid.isEmpty || !pmid.allSatisfy(\.isASCII) || !pmid.allSatisfy(\.isNumber) {
                fail("references[\(i)].value.pmid", "'\(pmid)' is not a PubMed id (digits only)")
            }
        }
        return errors
    }

    /// Why a disease id is malformed, or nil: OMIM six digits, ORPHA digits, MONDO seven digits.
    static func diseaseIDProblem(_ id: TermID) -> String? {
        switch id.prefix {
        case "OMIM": isDigits(id.local, count: 6) ? nil : "'\(id)' is not an OMIM id (OMIM: and six digits)"
        case "ORPHA": isDigits(id.local, count: nil) ? nil : "'\(id)' is not an ORPHA id (ORPHA: and digits)"
        case "MONDO": isDigits(id.local, count: 7) ? nil : "'\(id)' is not a MONDO id (MONDO: and seven digits)"
        default: "'\(id)' has an unknown prefix (allowed: OMIM, ORPHA, MONDO)"
        }
    }

    static func isDigits(_ s: String, count: Int?) -> Bool {
        !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } && (count.map { s.count == $0 } ?? true)
    }

    /// Problems that need the HPO release: HPO terms that do not exist or are obsolete, and OMIM or
    /// ORPHA ids that are not diseases of the release.
    public func validate(file: String, against kb: KnowledgeBase) -> [MonographError] {
        var errors: [MonographError] = []
        for (path, id) in hpoTerms {
            guard let term = kb.term(id) else {
                errors.append(MonographError(file: file, path: path, reason: "\(id) is not a term of HPO release \(kb.release.hpoVersion)"))
                continue
            }
            if term.isObsolete {
                errors.append(MonographError(file: file, path: path, reason: "\(id) is obsolete in HPO release \(kb.release.hpoVersion)"))
            }
        }
        for (i, id) in identifiers.enumerated() where ["OMIM", "ORPHA"].contains(id.value.prefix) && kb.disease(id.value) == nil {
            errors.append(MonographError(file: file, path: "identifiers[\(i)].value",
                                         reason: "\(id.value) is not a disease of the HPO annotations"))
        }
        return errors
    }
}
