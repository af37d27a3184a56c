extension LabKnowledge {
    /// Interprets one result: converts it to conventional and SI units, picks the reference interval
    /// (the laboratory's own bounds win over the defaults; the age at measurement wins over `age`),
    /// flags it and names the HPO term it implies or the terms a normal value excludes.
    ///
    /// With unknown age or sex the defaults of every matching population are considered: the result
    /// is flagged only when all of them agree.
    public func interpret(_ lab: LabResult, age: Age?, sex: Sex) throws(LabError) -> LabInterpretation {
        guard let analyte = analyte(named: lab.analyte) else { throw .unknownAnalyte(lab.analyte) }
        guard let unit = analyte.unit(lab.unit) else {
            throw .unknownUnit(analyte: analyte.name, unit: lab.unit, known: analyte.units.map(\.symbol))
        }
        guard lab.value.isFinite, lab.value >= 0 else { throw .invalidValue(analyte: analyte.name) }
        let conventionalValue = lab.value / unit.perConventional
        guard analyte.plausible.contains(conventionalValue) else {
            let others = analyte.units.filter { $0.symbol != unit.symbol && analyte.plausible.contains(lab.value / $0.perConventional) }
            throw .implausible(analyte: analyte.name, unit: unit.symbol, low: analyte.plausible.low * unit.perConventional,
                               high: analyte.plausible.high * unit.perConventional, plausibleIn: others.map(\.symbol))
        }
        let siFactor = analyte.unit(analyte.siUnit)?.perConventional ?? 1

        let (interval, note) = try chooseInterval(analyte, lab: lab, unit: unit, age: lab.ageAtMeasurement ?? age, sex: sex)
        var flag = LabFlag.unknown
        if let interval {
            flag = conventionalValue < interval.low ? .low : conventionalValue > (interval.high ?? .infinity) ? .high : .normal
        }
        let term: SourcedTerm? = switch flag {
        case .low: analyte.lowTerm
        case .high: analyte.highTerm
        case .normal, .unknown: nil
        }
        return LabInterpretation(
            analyteID: analyte.id, analyteName: analyte.name, loinc: analyte.loinc,
            entered: LabQuantity(value: lab.value, unit: unit.symbol),
            conventional: LabQuantity(value: conventionalValue, unit: analyte.conventionalUnit),
            si: LabQuantity(value: conventionalValue * siFactor, unit: analyte.siUnit),
            interval: interval, flag: flag,
            impliedTerm: term?.id, impliedTermLabel: term?.label,
            excludedTerms: flag == .normal ? analyte.excludedWhenNormal.map(\.id) : [],
            note: [note, interval?.unconfirmed.map { "UNCONFIRMED interval: \($0)" }].compactMap { $0 }.joined(separator: "; ").nilIfEmpty)
    }

    private func chooseInterval(_ analyte: Analyte, lab: LabResult, unit: LabUnit, age: Age?,
                                sex: Sex) throws(LabError) -> (ReferenceInterval?, String?) {
        if lab.referenceLow != nil || lab.referenceHigh != nil {
            let low = (lab.referenceLow ?? 0) / unit.perConventional
            let high = lab.referenceHigh.map { $0 / unit.perConventional }
            guard low.isFinite, low >= 0, high.map({ $0.isFinite && low <= $0 }) ?? true else {
                throw .invalidReferenceInterval(analyte: analyte.name)
            }
            return (ReferenceInterval(low: low, high: high, population: "as reported by the laboratory",
                                      source: "reporting laboratory"), nil)
        }
        let candidates = analyte.intervals.filter { i in
            (age.map { i.contains(age: $0) } ?? true) && (i.sex == nil || sex == .unknown || sex == .other || i.sex == sex)
        }
        guard let first = candidates.first else {
            return (nil, "no default reference interval for this age and sex; give the laboratory's own range")
        }
        if candidates.count == 1 { return (first, nil) }
        // Several populations apply (age or sex unknown): use the band inside which every one of
        // them calls the value normal, and outside which every one calls it low or high.
        let lowest = candidates.map(\.low).min() ?? first.low
        let highs = candidates.compactMap(\.high)
        let highest = highs.max() ?? first.high
        let commonLow = candidates.map(\.low).max() ?? first.low
        let commonHigh = highs.min() ?? first.high
        let v = lab.value / unit.perConventional
        let reason = age == nil ? "age unknown" : "sex unknown"
        let sources = Set(candidates.map(\.source)).sorted().joined(separator: ", ")
        if v < lowest || v > (highest ?? .infinity) {
            return (ReferenceInterval(low: lowest, high: highest, population: "every population (\(reason))", source: sources),
                    "\(reason): outside the reference interval of every population")
        }
        if commonLow <= (commonHigh ?? .infinity), v >= commonLow, v <= (commonHigh ?? .infinity) {
            return (ReferenceInterval(low: commonLow, high: commonHigh, population: "every population (\(reason))", source: sources),
                    "\(reason): inside the reference interval of every population")
        }
        return (nil, "\(reason): the flag depends on the population; give the age and sex")
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
