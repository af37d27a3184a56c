import Hummingbird

extension APIRoutes {
    /// The methods answered 405 on a known path that does not serve them. CONNECT is left out: its
    /// target is an authority, never one of these paths.
    /// QUERY (the safe method with a body of OpenAPI 3.2) as well.
    static let refusedMethods: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options, .trace]
        + ["QUERY"].compactMap { HTTPRequest.Method($0) }

    /// Registers, for every path registered so far, a 405 problem with `Allow` naming the path's
    /// methods for each other method, instead of the router's 404. Call after the last route.
    func refuseOtherMethods() {
        for (path, served) in methods {
            let allow = served.map(\.rawValue).joined(separator: ", ")
            for method in Self.refusedMethods where !served.contains(method) {
                router.on(Self.routerPath(path), method: method) { request, _ -> Response in
                    throw Problem.methodNotAllowed(request.method, allow: allow)
                }
            }
        }
    }
}
