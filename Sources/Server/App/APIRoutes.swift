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
/// describes every route by construction, and the methods of each path, so that another method on
/// a known path is answered 405 with `Allow` (`refuseOtherMethods`).
final class APIRoutes {
    let router: Router<RegistryRequestContext>
    private(set) var docs: [RouteDoc] = []
    /// Paths in OpenAPI form in the order first registered, with their methods.
    private(set) var methods: [(path: String, methods: [HTTPRequest.Method])] = []

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
        addUndocumented(method, path, handler)
    }

    /// A route the OpenAPI document describes by other means (the document itself).
    func addUndocumented(_ method: HTTPRequest.Method, _ path: String,
                         _ handler: @escaping @Sendable (Request, RegistryRequestContext) async throws -> Response) {
        if let index = methods.firstIndex(where: { $0.path == path }) {
            methods[index].methods.append(method)
        } else {
            methods.append((path, [method]))
        }
        router.on(Self.routerPath(path), method: method, use: handler)
    }

    /// The Hummingbird form of an OpenAPI path: `{id}` becomes `:id`.
    static func routerPath(_ path: String) -> RouterPath {
        let hbPath = path.split(separator: "/").map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : String(part)
        }.joined(separator: "/")
        return RouterPath("/" + hbPath)
    }
}
