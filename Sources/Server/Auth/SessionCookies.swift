import Crypto
import FoundationEssentials
import Hummingbird

/// The cookies of a browser session, for the HTML pages: the session token itself, HttpOnly, and a
/// CSRF token that page scripts read and echo in the `X-Ossify-CSRF` header of every change.
///
/// Both are `SameSite=Strict; Path=/` and live as long as the token (`Max-Age`); `Secure` when the
/// server is reached over HTTPS (`serve --secure-cookies`). The CSRF token is derived from the
/// session token (SHA-256 of a fixed label and the token), so a cookie planted by another site
/// cannot match a session, and the session token cannot be recovered from it.
struct SessionCookies: Sendable {
    static let session = "ossify_session"
    static let csrf = "ossify_csrf"

    /// Seconds a cookie lives: the token's lifetime.
    let maxAge: Int
    let secure: Bool

    init(lifetime: Duration, secure: Bool) {
        maxAge = Int(lifetime.components.seconds)
        self.secure = secure
    }

    /// The two cookies set at sign-in.
    func issued(token: String) -> [Cookie] {
        [cookie(Self.session, token, maxAge: maxAge, httpOnly: true),
         cookie(Self.csrf, Self.csrfToken(for: token), maxAge: maxAge, httpOnly: false)]
    }

    /// The two cookies emptied and expired at once (`Max-Age=0`), for sign-out.
    func cleared() -> [Cookie] {
        [cookie(Self.session, "", maxAge: 0, httpOnly: true), cookie(Self.csrf, "", maxAge: 0, httpOnly: false)]
    }

    private func cookie(_ name: String, _ value: String, maxAge: Int, httpOnly: Bool) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: httpOnly, sameSite: .strict)
    }

    /// The CSRF token of a session: hex SHA-256 of `ossify-csrf:` and the session token.
    static func csrfToken(for sessionToken: String) -> String {
        SHA256.hash(data: Data(("ossify-csrf:" + sessionToken).utf8)).map { byte in
            let s = String(byte, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
    }
}
