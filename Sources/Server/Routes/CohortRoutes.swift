import Analytics
import FoundationEssentials
import Clinical
import Hummingbird
import NIOPosix
import Registry

/// Runs the analyses on NIO's blocking thread pool, off the cooperative pool (as bcrypt does).
struct ThreadPoolExecutor: AnalysisExecutor {
    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(work)
    }
}

/// Natural-history analyses of the cohort the caller may see: clinicians their site (registry ids),
/// researchers every site (hashed ids, small counts suppressed). The JSON is the command line's
/// (`CohortService` and `CohortJSON` for both); `plot=svg` answers with the plot instead.
struct CohortRoutes {
    let service: CohortService

    static let filterQuery: [QueryParameter] = [
        .text("diagnosis"), .integer("siteId"), .enumeration("sex", Sex.self), .enumeration("variantClass", ACMGClass.self),
        .enumeration("parentOfOrigin", ParentOfOrigin.self), .enumeration("onsetBand", OnsetBand.self),
    ]
    /// `plot=svg` answers the plot (image/svg+xml) instead of the JSON.
    static let plotQuery = QueryParameter(name: "plot", required: false, schema: .object(["type": "string", "enum": ["svg"]]))

    func register(_ api: APIRoutes) {
        api.add(.get, "/api/v1/cohort/survival", "Kaplan-Meier, log-rank and Cox for one event", tag: "cohort",
                roles: [.clinician, .researcher], response: "SurvivalReport",
                query: [.enumeration("event", SurvivalEvent.self, required: true), .enumeration("group", CohortGrouping.self),
                        .text("riskTimes", pattern: #"^[0-9]{1,3}(\.[0-9]{1,3})?(,[0-9]{1,3}(\.[0-9]{1,3})?){0,19}$"#)]
                    + Self.filterQuery + [Self.plotQuery], queryRules: CohortService.survivalRules) { request, context, who in
            let q = Query(request: request)
            var problems: [FieldProblem] = []
            let event = q.enumValue("event", SurvivalEvent.self, problems: &problems)
            if q.string("event") == nil { problems.append(FieldProblem("event", "is required")) }
            let group = q.enumValue("group", CohortGrouping.self, problems: &problems)
            let (filter, plot) = Self.filter(q, &problems)
            var riskTimes = SurvivalReport.defaultRiskTimes
            if let text = q.string("riskTimes") {
                let parts = text.split(separator: ",", omittingEmptySubsequences: false)
                let values = parts.compactMap { Double($0) }
                if values.count == parts.count { riskTimes = values } else {
                    problems.append(FieldProblem("riskTimes", "must be comma-separated years"))
                }
            }
            guard problems.isEmpty, let event else { throw Problem.badRequest("invalid query parameters", problems) }
            let report = try await service.survival(event, grouping: group, filter: filter, riskTimes: riskTimes, by: who)
            return plot ? Self.svg(KaplanMeierPlot.svg(report)) : try Self.json(report)
        }
        api.add(.get, "/api/v1/cohort/progression", "Multi-state model of the deepest tissue reached", tag: "cohort",
                roles: [.clinician, .researcher], response: "ProgressionReport", query: Self.filterQuery + [Self.plotQuery]) { request, context, who in
            var problems: [FieldProblem] = []
            let (filter, plot) = Self.filter(Query(request: request), &problems)
            guard problems.isEmpty else { throw Problem.badRequest("invalid query parameters", problems) }
            let report = try await service.progression(filter: filter, by: who)
            return plot ? Self.svg(StateOccupationPlot.svg(report)) : try Self.json(report)
        }
        api.add(.get, "/api/v1/cohort/features", "HPO features by group: Fisher's exact test and BH-adjusted p", tag: "cohort",
                roles: [.clinician, .researcher], response: "FeatureReport", query: [.enumeration("by", CohortGrouping.self, only: CohortGrouping.ofPatients)] + Self.filterQuery + [Self.plotQuery]) { request, context, who in
            let q = Query(request: request)
            var problems: [FieldProblem] = []
            let by = q.enumValue("by", CohortGrouping.self, problems: &problems) ?? .parentOfOrigin
            let (filter, plot) = Self.filter(q, &problems)
            guard problems.isEmpty else { throw Problem.badRequest("invalid query parameters", problems) }
            let report = try await service.features(by: by, filter: filter, by: who)
            return plot ? Self.svg(FeatureBarsPlot.svg(report)) : try Self.json(report)
        }
        api.add(.get, "/api/v1/cohort/rates", "New body regions and %BSA per year; limb length discrepancy", tag: "cohort",
                roles: [.clinician, .researcher], response: "RatesReport", query: Self.filterQuery) { request, context, who in
            var problems: [FieldProblem] = []
            let (filter, plot) = Self.filter(Query(request: request), &problems)
            if plot { problems.append(FieldProblem("plot", "the rates have no plot")) }
            guard problems.isEmpty else { throw Problem.badRequest("invalid query parameters", problems) }
            return try Self.json(try await service.rates(filter: filter, by: who))
        }
    }

    static func filter(_ q: Query, _ problems: inout [FieldProblem]) -> (CohortFilter, plot: Bool) {
        let filter = CohortFilter(diagnosis: q.text("diagnosis", problems: &problems),
                                  siteID: q.int("siteId", problems: &problems).map(Int64.init),
                                  sex: q.enumValue("sex", Sex.self, problems: &problems),
                                  variantClass: q.enumValue("variantClass", ACMGClass.self, problems: &problems)?.rawValue,
                                  parentOfOrigin: q.enumValue("parentOfOrigin", ParentOfOrigin.self, problems: &problems),
                                  onsetBand: q.enumValue("onsetBand", OnsetBand.self, problems: &problems))
        let plot = q.string("plot")
        if let plot, plot != "svg" { problems.append(FieldProblem("plot", "must be svg")) }
        return (filter, plot == "svg")
    }

    static func json<T: Encodable>(_ report: T) throws -> Response {
        let data = try CohortJSON.encode(report)
        return Response(status: .ok, headers: [.contentType: "application/json"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func svg(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "image/svg+xml"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
