import Analytics
import Clinical
import Hummingbird
import Registry

/// `/cohort`: the natural-history analyses for clinicians (their site, registry ids) and researchers
/// (every site, pseudonymised, small counts suppressed). An ordinary GET form with the API's query
/// names (`analysis` chooses the route); the parameters are read by `CohortRoutes`' own readers and
/// the analysis run by the same `CohortService`, so the page shows the numbers of the JSON it links.
struct CohortPages {
    let service: CohortService
    let store: RegistryStore
    let renderer: PageRenderer
    let knowledge: PageKnowledge

    static let filterNames = ["diagnosis", "siteId", "sex", "variantClass", "parentOfOrigin", "onsetBand"]

    func register(_ pages: PageRouter) {
        pages.get("/cohort", roles: [.clinician, .researcher]) { request, context, session -> Response in
            let who = session.principal
            let q = Query(request: request, emptyIsAbsent: true)
            var problems: [FieldProblem] = []
            let analysis = q.enumValue("analysis", CohortAnalysis.self, problems: &problems)
            var result: CohortPageView.Result?
            do {
                result = try await run(analysis, q, who: who, problems: &problems)
            } catch RegistryError.invalid(let refused) {
                problems += refused
            }
            let sites = who.role == .researcher ? try await store.sites() : []
            let view = CohortPageView(fields: fields(q, errors: FieldErrors(problems).byField, sites: sites), scope: scope(who),
                                      problems: problems.map { "\($0.field): \($0.reason)" }, result: problems.isEmpty ? result : nil)
            return renderer.response("cohort", view, chrome: session.chrome("Natural history", current: "/cohort"),
                                     status: problems.isEmpty ? .ok : .badRequest)
        }
    }

    /// Runs the chosen analysis; nil when none is chosen or the query has problems.
    func run(_ analysis: CohortAnalysis?, _ q: Query, who: Principal, problems: inout [FieldProblem]) async throws -> CohortPageView.Result? {
        let (filter, _) = CohortRoutes.filter(q, &problems)
        if q.string("plot") != nil { problems.append(FieldProblem("plot", "is for the API; the page shows the plot")) }
        let policy = service.policy(for: who)
        switch analysis {
        case nil:
            return nil
        case .survival:
            let asked = CohortRoutes.survival(q, &problems)
            guard problems.isEmpty, let event = asked.event else { return nil }
            let report = try await service.survival(event, grouping: asked.group, filter: filter, riskTimes: asked.riskTimes, by: who)
            return CohortPageView.survival(report, policy: policy, query: apiQuery(q, ["event", "group", "riskTimes"]))
        case .progression:
            guard problems.isEmpty else { return nil }
            return CohortPageView.progression(try await service.progression(filter: filter, by: who), query: apiQuery(q, []))
        case .features:
            let by = CohortRoutes.featuresBy(q, &problems)
            guard problems.isEmpty else { return nil }
            let report = try await service.features(by: by, filter: filter, by: who)
            return CohortPageView.features(report, termName: knowledge.termName, query: apiQuery(q, ["by"]))
        case .rates:
            guard problems.isEmpty else { return nil }
            return CohortPageView.rates(try await service.rates(filter: filter, by: who), policy: policy, query: apiQuery(q, []))
        }
    }

    /// The API's query for the same analysis: its own parameters and the filters, empty values left out.
    func apiQuery(_ q: Query, _ own: [String]) -> String {
        (own + Self.filterNames).compactMap { name in
            q.string(name).map { name + "=" + PatientListQuery.escape($0) }
        }.joined(separator: "&")
    }

    func scope(_ who: Principal) -> String {
        if who.role == .researcher {
            let below = service.suppression.threshold ?? SmallCountPolicy.defaultThreshold
            return "Every site, pseudonymised (hashed ids); counts below \(below) are shown as \"<\(below)\"."
        }
        return "The patients of your site, with registry ids."
    }

    func fields(_ q: Query, errors: [String: String], sites: [Site]) -> [FormFieldView] {
        func select(_ name: String, _ label: String, _ choices: [(value: String, label: String)], any: String? = "any",
                    preset: String = "", hint: String? = nil) -> FormFieldView {
            FormFieldView(name: name, label: label, control: .select((any.map { [(value: "", label: $0)] } ?? []) + choices),
                          value: q.string(name) ?? preset, error: errors[name], hint: hint, formID: "cohort")
        }
        func raw<E: RawRepresentable & CaseIterable>(_: E.Type) -> [(value: String, label: String)] where E.RawValue == String {
            E.allCases.map { (value: $0.rawValue, label: $0.rawValue) }
        }
        var fields = [
            select("analysis", "Analysis", CohortAnalysis.allCases.map { (value: $0.rawValue, label: $0.label) }, any: nil),
            select("event", "Event (time to event)", raw(SurvivalEvent.self), any: nil,
                   hint: "first lesion and first surgery from birth; deep lesion and ankylosis from the first lesion; recurrence from the excision"),
            select("group", "Compare groups (time to event)", raw(CohortGrouping.self), any: "no groups",
                   hint: "morphology: recurrence only"),
            select("by", "Group features by", CohortGrouping.ofPatients.map { (value: $0.rawValue, label: $0.rawValue) }, any: nil,
                   preset: CohortGrouping.parentOfOrigin.rawValue),
            FormFieldView(name: "diagnosis", label: "Diagnosis", control: .input(type: "text", inputMode: nil),
                          value: q.string("diagnosis") ?? "", error: errors["diagnosis"], hint: "an ORPHA or OMIM code, e.g. ORPHA:2762",
                          formID: "cohort"),
        ]
        if !sites.isEmpty { fields.append(select("siteId", "Site", sites.map { (value: String($0.id), label: $0.code) })) }
        fields += [
            select("sex", "Sex", raw(Sex.self)),
            select("variantClass", "Variant class", raw(ACMGClass.self)),
            select("parentOfOrigin", "Parent of origin", raw(ParentOfOrigin.self)),
            select("onsetBand", "Age at onset (years)", raw(OnsetBand.self)),
        ]
        return fields
    }
}
