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
    public var queryParameters: [QueryParameter]
    /// Rules between query parameters (as between body fields).
    public var queryRules: [FieldRule] = []
}

/// A query parameter as the document states it: name, whether required, and the JSON Schema of
/// the values the handler accepts.
public struct QueryParameter: Sendable {
    public var name: String
    public var required: Bool
    public var schema: JSONValue

    /// A canonical integer from `minimum` to the largest 64-bit integer (`Query.int`).
    static func integer(_ name: String, minimum: Int64 = 1, required: Bool = false) -> QueryParameter {
        QueryParameter(name: name, required: required,
                       schema: .object(["type": "integer", "format": "int64", "minimum": .number(Double(minimum)),
                                        "maximum": .number(Double(Int64.max))]))
    }

    /// One of the raw values of `E` (`Query.enumValue`), or of `values` when only some are taken.
    static func enumeration<E: CaseIterable & RawRepresentable>(_ name: String, _: E.Type, required: Bool = false,
                                                                 only values: [E]? = nil) -> QueryParameter
        where E.RawValue == String {
        QueryParameter(name: name, required: required,
                       schema: .object(["type": "string", "enum": .array((values ?? Array(E.allCases)).map { .string($0.rawValue) })]))
    }

    /// Text matching `pattern` (by default: any text without NUL).
    static func text(_ name: String, pattern: String = FieldLimits.noNUL) -> QueryParameter {
        QueryParameter(name: name, required: false, schema: .object(["type": "string", "pattern": .string(pattern)]))
    }

    /// `limit` (1 to `Page.maxLimit`, default 50) and `offset` (from 0), as `Query.page` reads them.
    static let page: [QueryParameter] = [
        QueryParameter(name: "limit", required: false,
                       schema: .object(["type": "integer", "minimum": 1, "maximum": .number(Double(Page.maxLimit)), "default": 50])),
        integer("offset", minimum: 0),
    ]
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

    /// A route for signed-in users of `roles`: the one place where a route's roles are enforced.
    /// The handler runs only for a principal of one of them (401 without a session, 403 with
    /// another role) and receives it; the same list is what the OpenAPI document states.
    func add(_ method: HTTPRequest.Method, _ path: String, _ summary: String, tag: String, roles: [Role],
             request: String? = nil, response: String? = nil, status: Int = 200, query: [QueryParameter] = [], queryRules: [FieldRule] = [],
             _ handler: @escaping @Sendable (Request, RegistryRequestContext, Principal) async throws -> Response) {
        document(method, path, summary, tag: tag, roles: roles, request: request, response: response, status: status,
                 query: query, queryRules: queryRules)
        addUndocumented(method, path) { request, context in
            let who = try context.require(roles)
            return try await handler(request, context, who)
        }
    }

    /// A route that needs no sign-in (health, login).
    func addPublic(_ method: HTTPRequest.Method, _ path: String, _ summary: String, tag: String,
                   request: String? = nil, response: String? = nil, status: Int = 200,
                   _ handler: @escaping @Sendable (Request, RegistryRequestContext) async throws -> Response) {
        document(method, path, summary, tag: tag, roles: nil, request: request, response: response, status: status,
                 query: [], queryRules: [])
        addUndocumented(method, path, handler)
    }

    private func document(_ method: HTTPRequest.Method, _ path: String, _ summary: String, tag: String, roles: [Role]?,
                          request: String?, response: String?, status: Int, query: [QueryParameter], queryRules: [FieldRule]) {
        docs.append(RouteDoc(method: method.rawValue.lowercased(), path: path, summary: summary, tag: tag, roles: roles,
                             requestSchema: request, responseSchema: response, successStatus: status,
                             queryParameters: query, queryRules: queryRules))
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
