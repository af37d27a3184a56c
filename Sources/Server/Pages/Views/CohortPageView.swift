import Analytics

/// The cohort page (`/cohort`): the GET form of the analysis and the filters, and the result of one
/// analysis as the API computes it (the same report value, so the same numbers as its JSON): n,
/// exclusions, the plot (inline SVG with title and description), tables with headers, downloads.
struct CohortPageView: Sendable {
    /// A table with column headers and a header cell in each row.
    struct Table: Sendable {
        struct Row: Sendable {
            let head: String
            let cells: [String]
        }

        let id: String
        let caption: String
        let corner: String
        let headers: [String]
        let rows: [Row]
        // Stored, not computed: the templates read view models by reflection.
        let hasRows: Bool
        let span: Int

        init(id: String, caption: String, corner: String, headers: [String], rows: [Row]) {
            self.id = id
            self.caption = caption
            self.corner = corner
            self.headers = headers
            self.rows = rows
            hasRows = !rows.isEmpty
            span = headers.count + 1
        }
    }

    struct Line: Sendable {
        let label: String
        let value: String
    }

    struct Result: Sendable {
        let id: String
        let heading: String
        let n: String
        let nLabel: String
        let exclusions: [Line]
        /// Inline SVG from `Analytics` plots (every text escaped there); placed unescaped.
        let svg: String?
        let tables: [Table]
        let notes: [String]
        let jsonHref: String
        let svgHref: String?
    }

    let fields: [FormFieldView]
    let scope: String
    let problems: [String]
    let hasProblems: Bool
    let result: Result?

    init(fields: [FormFieldView], scope: String, problems: [String], result: Result?) {
        self.fields = fields
        self.scope = scope
        self.problems = problems
        hasProblems = !problems.isEmpty
        self.result = result
    }
}

/// The analyses the page offers, by the name of their API route.
enum CohortAnalysis: String, Sendable, CaseIterable {
    case survival, progression, features, rates

    var label: String {
        switch self {
        case .survival: "Time to event (Kaplan-Meier, log-rank, Cox)"
        case .progression: "Progression of the deepest tissue (multi-state model)"
        case .features: "Features by group (Fisher's exact test)"
        case .rates: "Rates (new regions and %BSA per year)"
        }
    }
}

/// Report values as the page shows them. Numbers are the report's, rounded for reading only.
enum CohortNumbers {
    /// `value` with `decimals` decimals ("-" when missing or not finite).
    static func fixed(_ value: Double?, _ decimals: Int) -> String {
        guard let value, value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return String(value) }
        let whole = Int(scaled) / Int(scale), fraction = String(Int(scaled) % Int(scale))
        let sign = value < 0 && scaled != 0 ? "-" : ""
        if decimals == 0 { return "\(sign)\(whole)" }
        return "\(sign)\(whole).\(String(repeating: "0", count: decimals - fraction.count))\(fraction)"
    }

    /// Three significant digits; below 0.001 as "1.23e-5".
    static func p(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        if value == 0 { return "0" }
        if value >= 0.001 {
            var decimals = 2, bound = 1.0
            while value < bound && decimals < 5 {
                bound /= 10
                decimals += 1
            }
            return fixed(value, decimals)
        }
        var exponent = 0, mantissa = value
        while mantissa < 1 {
            mantissa *= 10
            exponent -= 1
        }
        var digits = fixed(mantissa, 2)
        if digits == "10.00" {
            digits = "1.00"
            exponent += 1
        }
        return "\(digits)e\(exponent)"
    }

    static func years(_ t: Double) -> String {
        t == t.rounded() ? "\(Int(t)) y" : "\(fixed(t, 2)) y"
    }
}

extension CohortPageView {
    static func exclusions(_ excluded: [String: Count]) -> [Line] {
        excluded.sorted { $0.key < $1.key }.map { Line(label: $0.key, value: $0.value.description) }
    }

    static func survival(_ r: SurvivalReport, policy: SmallCountPolicy, query: String) -> Result {
        let groupName = r.grouping.map { " by \($0.rawValue)" } ?? ""
        let summary = Table(id: "km-summary", caption: "Kaplan-Meier estimate by group (times in years)", corner: "Group",
                            headers: ["Patients", "Events", "Median", "95% interval of the median"],
                            rows: r.curves.map { c in
                                let interval = "\(CohortNumbers.fixed(c.medianLower, 2)) to "
                                    + (c.medianUpper.map { CohortNumbers.fixed($0, 2) } ?? "not reached")
                                return Table.Row(head: c.group, cells: [
                                    policy.count(c.subjects).description, policy.count(c.nEvent.reduce(0, +)).description,
                                    c.median.map { CohortNumbers.fixed($0, 2) } ?? "not reached", interval,
                                ])
                            })
        let atRisk = Table(id: "km-at-risk", caption: "Numbers at risk", corner: "Group", headers: r.riskTimes.map(CohortNumbers.years),
                           rows: r.curves.map { c in Table.Row(head: c.group, cells: (r.atRisk[c.group] ?? []).map(\.description)) })
        var tables = [summary, atRisk]
        var notes: [String] = []
        if let test = r.logrank {
            tables.append(Table(id: "logrank", caption: "Log-rank test", corner: "Test", headers: ["Chi-square", "df", "p"],
                                rows: [Table.Row(head: "Log-rank", cells: [CohortNumbers.fixed(test.chisq, 3), String(test.df), CohortNumbers.p(test.p)])]))
        } else {
            notes.append("No log-rank test: it needs two or more groups.")
        }
        if !r.cox.isEmpty {
            tables.append(Table(id: "cox", caption: "Cox proportional hazards (Efron ties), against \(r.coxReference ?? "the first group")",
                                corner: "Group", headers: ["Hazard ratio", "95% lower", "95% upper", "p (Wald)"],
                                rows: r.cox.map { t in
                                    Table.Row(head: t.term, cells: [CohortNumbers.fixed(t.hr, 3), CohortNumbers.fixed(t.lower, 3),
                                                                    CohortNumbers.fixed(t.upper, 3), CohortNumbers.p(t.p)])
                                }))
        }
        return Result(id: "survival", heading: "Time to \(r.event.rawValue)\(groupName)", n: r.n.description,
                      nLabel: "Records used", exclusions: exclusions(r.excluded),
                      svg: KaplanMeierPlot.svg(r, id: "km-plot"), tables: tables, notes: notes,
                      jsonHref: "/api/v1/cohort/survival?" + query, svgHref: "/api/v1/cohort/survival?" + query + "&plot=svg")
    }

    static func progression(_ r: ProgressionReport, query: String) -> Result {
        let steps = r.states.indices.dropLast().map { i in (i, r.states[i] + " to " + r.states[i + 1]) }
        func limit(_ m: [[Double?]], _ i: Int) -> String {
            CohortNumbers.fixed(m.indices.contains(i) && m[i].indices.contains(i + 1) ? m[i][i + 1] : nil, 4)
        }
        let intensities = Table(id: "intensities", caption: "Transition intensities per year (95% intervals)", corner: "Transition",
                                headers: ["Intensity", "95% lower", "95% upper"],
                                rows: steps.map { i, name in
                                    Table.Row(head: name, cells: [CohortNumbers.fixed(r.fit == nil ? nil : r.q[i][i + 1], 4),
                                                                  limit(r.qLower, i), limit(r.qUpper, i)])
                                })
        let deep = Table(id: "p-deep", caption: "Probability of deep tissue after onset (from the dermis stage)", corner: "Model",
                         headers: ["Within 5 years", "Within 10 years"],
                         rows: [Table.Row(head: "Multi-state", cells: [CohortNumbers.fixed(r.pDeep5y, 3), CohortNumbers.fixed(r.pDeep10y, 3)])])
        var notes: [String] = []
        if r.fit == nil { notes.append("No model: too few observations.") }
        if let fit = r.fit, !fit.converged { notes.append("The maximum-likelihood fit did not converge.") }
        return Result(id: "progression", heading: "Progression of the deepest tissue", n: r.n.description, nLabel: "Patients used",
                      exclusions: exclusions(r.excluded), svg: StateOccupationPlot.svg(r, id: "stages-plot"),
                      tables: [intensities, deep], notes: notes,
                      jsonHref: "/api/v1/cohort/progression?" + query, svgHref: "/api/v1/cohort/progression?" + query + "&plot=svg")
    }

    static func features(_ r: FeatureReport, termName: (String) -> String?, query: String) -> Result {
        let rows = r.tables.map { t in
            let groups = r.groups.map { g in
                let present = t.present[g] ?? .value(0), total = r.groupSizes[g] ?? .value(0)
                var cell = "\(present) of \(total)"
                if case .value(let k) = present, case .value(let n) = total, n > 0 { cell += " (\(CohortNumbers.fixed(100 * Double(k) / Double(n), 0))%)" }
                return cell
            }
            let name = termName(t.hpoId).map { "\($0) (\(t.hpoId))" } ?? t.hpoId
            return Table.Row(head: name, cells: groups + [CohortNumbers.p(t.p), CohortNumbers.p(t.pAdjusted), t.method.label])
        }
        let table = Table(id: "feature-table", caption: "Features recorded in 5 or more patients, by \(r.by.rawValue)",
                          corner: "Feature", headers: r.groups + ["p", "p (BH-adjusted)", "Test"], rows: rows)
        var notes: [String] = []
        if r.tables.contains(where: { $0.method != .fisherExact }) {
            notes.append("Tables marked \"\(FisherExactTest.Method.monteCarlo.label)\" were too large for the exact test: their p estimates the exact p from \(FisherExactTest.monteCarloSamples) tables drawn with the same margins (seeded).")
        }
        return Result(id: "features", heading: "Features by \(r.by.rawValue)", n: r.n.description, nLabel: "Patients used",
                      exclusions: exclusions(r.excluded), svg: FeatureBarsPlot.svg(r, id: "features-plot"), tables: [table], notes: notes,
                      jsonHref: "/api/v1/cohort/features?" + query, svgHref: "/api/v1/cohort/features?" + query + "&plot=svg")
    }

    static func rates(_ r: RatesReport, policy: SmallCountPolicy, query: String) -> Result {
        func row(_ name: String, _ s: Summary) -> Table.Row {
            Table.Row(head: name, cells: [CohortNumbers.fixed(s.median, 3), CohortNumbers.fixed(s.q1, 3), CohortNumbers.fixed(s.q3, 3)])
        }
        let summary = Table(id: "rates-summary", caption: "Per patient, from the first to the last visit with lesions", corner: "Rate",
                            headers: ["Median", "Lower quartile", "Upper quartile"],
                            rows: [row("New body regions per year", r.regionsPerYear), row("%BSA per year", r.bsaPerYear)])
        let bySegment = Dictionary(grouping: r.limbDiscrepancy, by: \.segment).sorted { $0.key < $1.key }
        let limbs = Table(id: "limb-discrepancy", caption: "Limb-segment length discrepancy, left minus right (cm)", corner: "Segment",
                          headers: ["Measurements", "Median", "Lower quartile", "Upper quartile"],
                          rows: bySegment.map { segment, rows in
                              let s = Summary(rows.map(\.difference))
                              return Table.Row(head: segment, cells: [policy.count(rows.count).description, CohortNumbers.fixed(s.median, 2),
                                                                      CohortNumbers.fixed(s.q1, 2), CohortNumbers.fixed(s.q3, 2)])
                          })
        return Result(id: "rates", heading: "Rates", n: r.n.description, nLabel: "Patients used", exclusions: exclusions(r.excluded),
                      svg: nil, tables: [summary, limbs], notes: [], jsonHref: "/api/v1/cohort/rates?" + query, svgHref: nil)
    }
}

extension FisherExactTest.Method {
    var label: String {
        switch self {
        case .fisherExact: "Fisher's exact"
        case .monteCarlo: "Monte Carlo"
        }
    }
}
