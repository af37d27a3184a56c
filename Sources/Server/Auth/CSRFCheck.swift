import Hummingbird

/// What a change (POST, PUT, PATCH, DELETE, anything but GET, HEAD, OPTIONS, TRACE) authenticated by
/// the session cookie must carry, since a browser sends the cookie with requests another site makes
/// it send: an `Origin` header, when present, naming this server's host, and the session's CSRF
/// token both in the `ossify_csrf` cookie and in the `X-Ossify-CSRF` header (double submit; only a
/// script of this origin can read the cookie). Bearer-token requests need neither.
///
/// The HTML pages work without scripts, so a form post to a page (never to `/api/`) may carry the
/// token in its hidden `csrf` field instead of the header (`formToken`); the cookie and the Origin
/// check still apply.
enum CSRFCheck {
    // HTTPFields.Element is HTTPTypes.HTTPField, which Hummingbird does not re-export by name.
    static let header = HTTPFields.Element.Name("X-Ossify-CSRF")!
    static let hostHeader = HTTPFields.Element.Name("Host")!

    /// Whether a change may carry the token in a form field: a URL-encoded form to a page.
    static func acceptsFormToken(_ request: Request) -> Bool {
        !request.uri.path.hasPrefix("/api/") && request.headers[header] == nil && FormBody.isForm(request)
    }

    static func needed(_ method: HTTPRequest.Method) -> Bool {
        ![.get, .head, .options, .trace].contains(method)
    }

    /// Why the request is refused (a 403 problem), or nil when it may go on.
    static func refusal(_ request: Request, sessionToken: String, formToken: String? = nil) -> Problem? {
        if let origin = request.headers[.origin] {
            let host = request.head.authority ?? request.headers[hostHeader]
            guard let host, sameHost(origin: origin, host: host) else {
                return forbidden("the Origin header does not name this server")
            }
        }
        guard let sent = request.headers[header] ?? formToken, !sent.isEmpty else {
            return forbidden("a change signed in with the session cookie needs the X-Ossify-CSRF header (the value of the ossify_csrf cookie)"
                             + (formToken == nil ? "" : " or the form's csrf field"))
        }
        let expected = SessionCookies.csrfToken(for: sessionToken)
        guard let cookie = request.cookies[SessionCookies.csrf]?.value, constantTimeEqual(cookie, expected),
              constantTimeEqual(sent, expected) else {
            return forbidden("the CSRF token sent does not match the session's ossify_csrf cookie")
        }
        return nil
    }

    /// `Origin: https://example.org` against `Host: example.org` (a default port on either side is ignored).
    static func sameHost(origin: String, host: String) -> Bool {
        guard let range = origin.range(of: "://") else { return false }
        let scheme = origin[..<range.lowerBound].lowercased()
        let defaultPort = scheme == "https" ? ":443" : scheme == "http" ? ":80" : nil
        func normalised(_ authority: Substring) -> String {
            var a = authority.lowercased()
            if let defaultPort, a.hasSuffix(defaultPort) { a.removeLast(defaultPort.count) }
            return a
        }
        let authority = origin[range.upperBound...].prefix { $0 != "/" }
        return !authority.isEmpty && normalised(authority) == normalised(host[...])
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }

    static func forbidden(_ detail: String) -> Problem {
        Problem(status: .forbidden, title: "Forbidden", detail: detail)
    }
}
