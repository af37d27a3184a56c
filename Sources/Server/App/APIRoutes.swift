import Hummingbird
public import Registry

/// What the OpenAPI document says about a route.
public struct RouteDoc: Sendable {
    public var method: String
    /// OpenAPI form, `/api/v1/patients/{id}`.
    public var path: String
    public var summary: String
    public var tag: String
    /// Roles allowed; nil for routes that need no sign-in.
    public var roles: [Role]?
    /// Component schema of the request body, if any.
    public var requestSchema: String?
    /// Component schema of the success body, if any.
    public var responseSchema: String?
    public var successStatus: Int
    public var queryParameters: [String]
}

/// Registers routes on the router and records each one's documentation, so the OpenAPI document
/// describes every route by construction.
final class APIRoutes {
    let router: Router<RegistryRequestContext>
    private(set) var docs: [RouteDoc] = []

    init(router: Router<RegistryRequestContext>) {
        self.router = router
    }


    func add(_ method: HTTPRequest.Method, _ path: String, _ summary: String, tag: String, roles: [Role]?,
             request: String? = nil, response: String? = nil, status: Int = 200, query: [String] = [],
             _ handler: @escaping @Sendable (Request, RegistryRequestContext) async throws -> Response) {
        let doc = RouteDoc(method: method.rawValue.lowercased(), path: path, summary: summary, tag: tag, roles: roles,
                                  requestSchema: request, responseSchema: response, successStatus: status,
                                  queryParameters: query)
        docs.append(doc)
        let hbPath = path.split(separator: "/").map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : String(part)
        }.joined(separator: "/")
        router.on(RouterPath("/" + hbPath), method: method, use: handler)
    }
}

