extension Phenopacket {
    /// Checks the content that the JSON structure does not: required fields, ontology ids of the form
    /// `PREFIX:LOCAL`, ISO 8601 age durations, RFC 3339 times, numeric ranges, proto oneofs, the schema
    /// version and the parent-of-origin extension. Returns every issue found (empty when valid).
    ///
    /// What is refused: what the GA4GH reference implementation refuses, what the mapping cannot read,
    /// and the fields without which an element means nothing (the phenopacket's id, a feature's type, a
    /// measurement's assay and value, a quantity's unit, a disease's term, ...). Identifiers the schema
    /// asks for but Ossify does not use (subject, interpretation, variation descriptor and biosample
    /// ids, resource prefixes) are not required, so that a hand-written case or a slightly incomplete
    /// published one is still read.
    public func validationIssues() -> [PhenopacketError.Issue] {
        var v = Validator()
        v.check(self)
        return v.issues
    }

    /// Throws every issue of ``validationIssues()`` at once.
    public func validate() throws(PhenopacketError) {
        let issues = validationIssues()
        if !issues.isEmpty { throw PhenopacketError(issues: issues) }
    }
}

extension Phenopacket.Family {
    /// The issues of the family and of its phenopackets (paths such as `relatives[1].phenotypicFeatures[0].type.id`).
    public func validationIssues() -> [PhenopacketError.Issue] {
        var v = Validator()
        v.check(self)
        return v.issues
    }

    public func validate() throws(PhenopacketError) {
        let issues = validationIssues()
        if !issues.isEmpty { throw PhenopacketError(issues: issues) }
    }
}

extension Phenopacket.Cohort {
    /// The issues of the cohort and of its members' phenopackets (paths such as `members[3].id`).
    public func validationIssues() -> [PhenopacketError.Issue] {
        var v = Validator()
        v.check(self)
        return v.issues
    }

    public func validate() throws(PhenopacketError) {
        let issues = validationIssues()
        if !issues.isEmpty { throw PhenopacketError(issues: issues) }
    }
}
