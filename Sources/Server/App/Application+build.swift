public import Composition
public import Hummingbird
import HummingbirdCore
import NIOCore
public import Logging
public import Registry

/// Settings of the registry server.
public struct ServerSettings: Sendable {
    public var host: String
    public var port: Int
    /// How long a bearer token lives.
    public var sessionLifetime: Duration
    /// bcrypt cost of new password hashes (tests lower it).
    public var bcryptCost: UInt8
    public var logLevel: Logger.Level
    /// Mark the session cookies `Secure` (sent over HTTPS only): for a server reached through HTTPS.
    /// Off by default, since the server itself speaks plain HTTP.
    public var secureCookies: Bool
    /// Timeouts of slow and idle clients and the cap on open connections.
    public var limits: ConnectionLimits
    /// Password checks (bcrypt) run at once: by default half the cores, at least one.
    public var loginChecks: Int
    /// Sign-ins waiting for a check, per lane, before further ones are answered 503.
    public var loginQueue: Int
    /// Back-off of failed sign-ins per username at an address, per address and per username.
    public var loginThrottle: LoginThrottle.Policy

    public init(host: String = "127.0.0.1", port: Int = 8080, sessionLifetime: Duration = .seconds(8 * 3600),
                bcryptCost: UInt8 = 12, logLevel: Logger.Level = .info, secureCookies: Bool = false,
                limits: ConnectionLimits = ConnectionLimits(), loginChecks: Int? = nil,
                loginQueue: Int = 16, loginThrottle: LoginThrottle.Policy = LoginThrottle.Policy()) {
        self.host = host
        self.port = port
        self.sessionLifetime = sessionLifetime
        self.bcryptCost = bcryptCost
        self.logLevel = logLevel
        self.secureCookies = secureCookies
        self.limits = limits
        self.loginChecks = loginChecks ?? max(1, System.coreCount / 2)
        self.loginQueue = loginQueue
        self.loginThrottle = loginThrottle
    }
}

/// The API version in the OpenAPI document.
public let registryAPIVersion = "1.0.0"

/// The composition root of the server: the router over a store, in an application.
public func buildApplication(store: RegistryStore, settings: ServerSettings, engines: Engines?) async throws -> some ApplicationProtocol {
    var logger = Logger(label: "ossify.server")
    logger.logLevel = settings.logLevel
    let router = try await buildRouter(store, settings: settings, engines: engines)
    let limits = settings.limits
    let counter = ConnectionCounter(limit: limits.maxConnections)
    // Evaluated for each connection: each gets its own handlers, all share the counter.
    let http1 = HTTP1Channel.Configuration(additionalChannelHandlers: [RequestDeadlineHandler(limits), ConnectionCapHandler(counter)])
    return Application(router: router, server: .http1(configuration: http1),
                       configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "ossify",
                                            backlog: limits.acceptBacklog),
                       logger: logger)
}

/// Every route of `/api/v1` over `store`, and the HTML pages beside it (`PageRoutes`). Request logs carry method and route pattern only (no
/// ids, no query strings, no bodies): no patient data reaches the log.
public func buildRouter(_ store: RegistryStore, settings: ServerSettings, engines: Engines? = nil) async throws -> Router<RegistryRequestContext> {
    let router = Router(context: RegistryRequestContext.self)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: BodyLimitMiddleware())
    router.add(middleware: AuthenticationMiddleware(store: store))
    let hasher = PasswordHasher(cost: settings.bcryptCost)
    let api = APIRoutes(router: router)
    let signIn = SignInService(store: store, hasher: hasher, throttle: SharedLoginThrottle(store: store, policy: settings.loginThrottle,
                                                                                key: try await store.throttleKey()),
                               checks: PasswordCheckQueue(width: settings.loginChecks, depth: settings.loginQueue),
                               sessionLifetime: settings.sessionLifetime, decoyHash: try await hasher.hash(Tokens.make()))
    let cookies = SessionCookies(lifetime: settings.sessionLifetime, secure: settings.secureCookies)
    let knowledge = PageKnowledge(engines: engines)
    let check = RecordKnowledgeCheck(engines: engines)
    AuthRoutes(signIn: signIn, cookies: cookies).register(api)
    AdminRoutes(store: store, accounts: AccountService(store: store, hasher: hasher)).register(api)
    PatientRoutes(store: store, check: check).register(api)
    RecordRoutes(store: store, check: check).register(api)
    TermRoutes(knowledge: knowledge).register(api)
    EngineRoutes(store: store, engines: engines).register(api)
    let cohort = CohortService(store: store, executor: ThreadPoolExecutor())
    CohortRoutes(service: cohort).register(api)
    api.addPublic(.get, "/api/v1/health", "Liveness", tag: "meta") { _, _ in
        JSONIO.response(.object(["status": "ok"]))
    }
    let documentRoutes = api.docs + [RouteDoc(method: "get", path: "/api/v1/openapi.json", summary: "This OpenAPI 3.1 document",
                                              tag: "meta", roles: nil, requestSchema: nil, responseSchema: nil, successStatus: 200,
                                              queryParameters: [])]
    let document = OpenAPIDocument.make(documentRoutes, version: registryAPIVersion)
    api.addUndocumented(.get, "/api/v1/openapi.json") { _, _ in JSONIO.response(document) }
    api.refuseOtherMethods()
    PageRoutes(store: store, signIn: signIn, cookies: cookies, knowledge: knowledge, check: check, cohort: cohort,
               renderer: try PageRenderer()).register(router)
    return router
}

/// Logs each request with its method, route pattern, status and duration; never the path with
/// its ids, the query or the body.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        context.logger.debug("request", metadata: [
            "method": "\(request.method.rawValue)", "route": "\(context.endpointPath ?? "unmatched")",
            "status": "\(response.status.code)", "ms": "\((ContinuousClock.now - start).components.attoseconds / 1_000_000_000_000_000)",
        ])
        return response
    }
}
