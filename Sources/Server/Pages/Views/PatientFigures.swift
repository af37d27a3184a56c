import Clinical
import Figures
import Registry

/// The figures of the patient page and the report, made from the record's JSON in the caller's
/// view (`PatientDocument.json`), so a researcher's figures hold only what the pseudonymisation lets
/// through (shifted dates, ages from the record): the body map of the latest visit, one small map
/// per visit, and the charts, each chart with its data table. All strings are inline SVG or HTML,
/// escaped by `Figures`; place them unescaped (`{{{...}}}`).
struct PatientFigures: Sendable {
    struct Chart: Sendable {
        let id: String
        let svg: String
        let table: String
    }

    /// The latest visit's map (a picture; lesions are added on the visit page); nil without visits.
    let latestBodyMap: String?
    /// One small map per visit, oldest first; nil with fewer than two visits.
    let bodyMapsByVisit: String?
    let charts: [Chart]

    static func make(_ record: JSONValue, sex: Sex, knowledge: PageKnowledge) -> PatientFigures {
        let visits = (record["visits"]?.arrayValue ?? []).compactMap(\.objectValue)
            .compactMap { v in age(v).map { (json: v, age: $0) } }.sorted { $0.age < $1.age }
        let maps = visits.map { bodyMapVisit($0.json, age: $0.age) }
        var charts: [Chart] = []
        func add(_ id: String, _ svg: String, _ table: DataTable) { charts.append(Chart(id: id, svg: svg, table: table.html)) }
        if !maps.isEmpty { add("chart-bsa", ProgressionChart.svg(maps, id: "chart-bsa"), ProgressionChart.table(maps)) }
        let limbs = limbLengths(visits)
        if !limbs.isEmpty { add("chart-limbs", LimbLengthChart.svg(limbs, id: "chart-limbs"), LimbLengthChart.table(limbs)) }
        let joints = visits.flatMap { v in items(v.json, "jointInvolvements").compactMap { j -> JointScoreChart.Point? in
            guard let joint = j["joint"]?.stringValue, let score = j["score"]?.intValue else { return nil }
            return JointScoreChart.Point(joint: joint, side: j["side"]?.stringValue.flatMap(BodySide.init), ageYears: v.age, score: score)
        } }
        if !joints.isEmpty { add("chart-joints", JointScoreChart.svg(joints, id: "chart-joints"), JointScoreChart.table(joints)) }
        for (k, series) in labSeries(visits, sex: sex, knowledge: knowledge).enumerated() {
            add("chart-lab-\(k + 1)", LabChart.svg(series, id: "chart-lab-\(k + 1)"), LabChart.table(series))
        }
        let procedures = visits.flatMap { v in items(v.json, "procedures").compactMap { p in procedure(p, visit: v.json, age: v.age) } }
        if !procedures.isEmpty {
            add("chart-timeline", TimelineChart.svg(visitAges: visits.map(\.age), procedures: procedures, id: "chart-timeline"),
                TimelineChart.table(procedures))
        }
        return PatientFigures(
            latestBodyMap: maps.last.map { BodyMap.svg($0, options: .init(id: "body-map-latest")) },
            bodyMapsByVisit: maps.count >= 2 ? BodyMap.smallMultiples(maps, id: "body-maps-by-visit") : nil,
            charts: charts)
    }

    static func items(_ v: [String: JSONValue], _ key: String) -> [[String: JSONValue]] {
        (v[key]?.arrayValue ?? []).compactMap(\.objectValue)
    }

    /// The age at a visit in years, from the record's `ageAtVisit` (ISO 8601).
    static func age(_ v: [String: JSONValue]) -> Double? {
        v["ageAtVisit"]?.stringValue.flatMap { try? Age(iso8601: $0) }?.totalYears
    }

    /// A visit's lesions for the body map, with the %BSA at the visit's age.
    static func bodyMapVisit(_ v: [String: JSONValue], age: Double?) -> BodyMapVisit {
        let lesions = items(v, "lesions").compactMap { l -> BodyMapLesion? in
            guard let region = l["region"]?.stringValue else { return nil }
            let surface = l["surface"]?.stringValue.flatMap(BodySurface.init)
            return BodyMapLesion(region: region, side: l["side"]?.stringValue.flatMap(BodySide.init),
                                 view: surface.map { $0 == .anterior ? .front : .back },
                                 depth: l["depth"]?.stringValue.flatMap(TissueDepth.init),
                                 percentOfRegion: l["percentOfRegion"]?.doubleValue)
        }
        let bsa = age.map { a in BodySurfaceArea.percent(lesions) { BodyRegion.named($0)?.percent(atAgeYears: a) } }
        return BodyMapVisit(label: v["date"]?.stringValue ?? "", ageYears: age, bodySurfacePercent: bsa, lesions: lesions)
    }

    /// Measurements naming a body site and a side (limb segment lengths), left and right paired per visit.
    static func limbLengths(_ visits: [(json: [String: JSONValue], age: Double)]) -> [LimbLengthChart.Point] {
        visits.flatMap { v -> [LimbLengthChart.Point] in
            var bySegment: [String: (left: Double?, right: Double?)] = [:], order: [String] = []
            for m in items(v.json, "measurements") {
                guard let site = m["bodySite"]?.stringValue, let value = m["value"]?.doubleValue, m["unit"]?.stringValue == "cm",
                      let side = m["side"]?.stringValue.flatMap(BodySide.init), side == .left || side == .right else { continue }
                if bySegment[site] == nil { order.append(site) }
                if side == .left { bySegment[site, default: (nil, nil)].left = value } else { bySegment[site, default: (nil, nil)].right = value }
            }
            return order.map { LimbLengthChart.Point(segment: $0, ageYears: v.age, left: bySegment[$0]?.left, right: bySegment[$0]?.right) }
        }
    }

    /// Lab results of the knowledge base's analytes, one series per analyte, in its conventional unit
    /// with the age- and sex-specific interval of each result; other assays with the laboratory's own limits.
    static func labSeries(_ visits: [(json: [String: JSONValue], age: Double)], sex: Sex, knowledge: PageKnowledge) -> [LabChart.Series] {
        var series: [String: LabChart.Series] = [:], order: [String] = []
        for v in visits {
            for m in items(v.json, "measurements") where m["bodySite"] == nil {
                guard let loinc = m["loinc"]?.stringValue, let value = m["value"]?.doubleValue, let unit = m["unit"]?.stringValue else { continue }
                let result = LabResult(analyte: "LOINC:" + loinc, value: value, unit: unit,
                                       referenceLow: m["referenceLow"]?.doubleValue, referenceHigh: m["referenceHigh"]?.doubleValue)
                let ageAtVisit = v.json["ageAtVisit"]?.stringValue.flatMap { try? Age(iso8601: $0) }
                let name = knowledge.engines?.labs.analyte(named: "LOINC:" + loinc)?.name ?? m["name"]?.stringValue ?? "LOINC \(loinc)"
                let point: LabChart.Point, shownUnit: String
                if let labs = knowledge.engines?.labs, labs.analyte(named: "LOINC:" + loinc) != nil,
                   let r = try? labs.interpret(result, age: ageAtVisit, sex: sex) {
                    point = LabChart.Point(ageYears: v.age, value: r.conventional.value, low: r.interval?.low, high: r.interval?.high)
                    shownUnit = r.conventional.unit
                } else {
                    point = LabChart.Point(ageYears: v.age, value: value, low: result.referenceLow, high: result.referenceHigh)
                    shownUnit = unit
                }
                let key = loinc + "|" + shownUnit
                if series[key] == nil {
                    order.append(key)
                    series[key] = LabChart.Series(analyte: name, unit: shownUnit, points: [])
                }
                series[key]?.points.append(point)
            }
        }
        return order.compactMap { series[$0] }
    }

    /// A procedure on the age axis: the visit's age plus the days from the visit to the procedure
    /// (and to the recurrence), so shifted dates give the same ages.
    static func procedure(_ p: [String: JSONValue], visit: [String: JSONValue], age: Double) -> TimelineChart.Procedure? {
        guard let kind = p["kind"]?.stringValue, let visitDay = visit["date"]?.stringValue.flatMap(CivilDate.init)?.dayNumber,
              let day = p["date"]?.stringValue.flatMap(CivilDate.init)?.dayNumber else { return nil }
        func ageAt(_ d: Int) -> Double { age + Double(d - visitDay) / 365.25 }
        let recurrence = p["recurrence"] == .bool(true) ? p["recurrenceDate"]?.stringValue.flatMap(CivilDate.init).map { ageAt($0.dayNumber) } : nil
        let label = [kind, p["lesionId"]?.stringValue.map { "lesion " + $0 }].compactMap { $0 }.joined(separator: ", ")
        return TimelineChart.Procedure(ageYears: ageAt(day), label: label, recurrenceAgeYears: recurrence)
    }
}
