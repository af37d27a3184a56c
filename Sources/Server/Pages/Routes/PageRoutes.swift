import Hummingbird
import Registry

/// The HTML pages beside the API, on one route group whose errors become HTML error pages, and
/// the static files they use.
struct PageRoutes {
    let store: RegistryStore
    let signIn: SignInService
    let cookies: SessionCookies
    let knowledge: PageKnowledge
    let check: RecordKnowledgeCheck
    let renderer: PageRenderer
    let assets = StaticAssets()

    func register(_ router: Router<RegistryRequestContext>) {
        router.get("/static/:name") { request, context -> Response in
            try assets.response(context.parameters.get("name") ?? "", ifNoneMatch: request.headers[.ifNoneMatch])
        }
        router.head("/static/:name") { request, context -> Response in
            var response = try assets.response(context.parameters.get("name") ?? "", ifNoneMatch: request.headers[.ifNoneMatch])
            response.body = ResponseBody()
            return response
        }
        let pages = PageRouter(group: router.group().add(middleware: PageErrorMiddleware(renderer: renderer)), store: store)
        SignInPages(signIn: signIn, cookies: cookies, hasher: signIn.hasher, renderer: renderer).register(pages)
        PatientListPage(store: store, renderer: renderer, knowledge: knowledge).register(pages)
        let engineRoutes = EngineRoutes(store: store, engines: knowledge.engines)
        PatientPages(store: store, renderer: renderer, knowledge: knowledge, check: check, engineRoutes: engineRoutes).register(pages)
        ExchangePages(store: store, renderer: renderer, engineRoutes: engineRoutes).register(pages)
        AdminPages(store: store, hasher: signIn.hasher, renderer: renderer).register(pages)
        VisitPages(store: store, renderer: renderer, knowledge: knowledge, check: check, forms: PartForms(knowledge: knowledge)).register(pages)
    }
}
