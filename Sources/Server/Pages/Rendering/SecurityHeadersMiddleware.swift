import Hummingbird

/// Puts the security headers on every response, pages and API alike, errors included: a
/// Content-Security-Policy that allows only this origin's own files (no inline script or style, so
/// an injected `<script>` or `style=` does nothing), no framing, no MIME sniffing, no referrer to other
/// sites (`same-origin`: with `no-referrer` a browser sends `Origin: null` on a form post, which the
/// CSRF check must refuse).
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'none'; object-src 'none'"
    }

    static var headers: HTTPFields {
        [
            HTTPFields.Element.Name("Content-Security-Policy")!: contentSecurityPolicy,
            HTTPFields.Element.Name("X-Content-Type-Options")!: "nosniff",
            HTTPFields.Element.Name("Referrer-Policy")!: "same-origin",
            HTTPFields.Element.Name("X-Frame-Options")!: "DENY",
        ]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for field in Self.headers where response.headers[field.name] == nil {
            response.headers.append(field)
        }
        return response
    }
}
