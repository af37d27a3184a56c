import Hummingbird
import Mustache

/// Renders the pages: the templates (`PageTemplates`, compiled once at start) over view models,
/// then the layout around the page. Pure: a view model in, HTML out; the routes do the I/O.
///
/// Every value is written with `{{ }}`, which HTML-escapes `< > & " '`. The one `{{{ }}}` is the
/// layout's `content`: the page body this renderer has just produced from escaped values.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    init() throws {
        var library = MustacheLibrary()
        for (name, text) in PageTemplates.all {
            try library.register(text, named: name)
        }
        self.library = library
    }

    /// What a page template renders: the page's view model and the session's CSRF token, which the
    /// `csrf` partial writes into every form.
    struct Body<Page>: Sendable where Page: Sendable {
        let page: Page
        let csrf: String
    }

    /// The page `template` over `page`, inside the layout.
    func render<Page: Sendable>(_ template: String, _ page: Page, chrome: Chrome) -> String {
        var chrome = chrome
        chrome.content = library.render(Body(page: page, csrf: chrome.csrf), withTemplate: template) ?? ""
        return library.render(chrome, withTemplate: "layout") ?? ""
    }

    func response<Page: Sendable>(_ template: String, _ page: Page, chrome: Chrome, status: HTTPResponse.Status = .ok) -> Response {
        Self.html(render(template, page, chrome: chrome), status: status)
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// 303 See Other: where a form post sends the browser next.
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}

/// What the layout shows around every page: the title, the signed-in user and role, when the
/// session ends, the navigation of the role, sign-out.
struct Chrome: Sendable {
    struct NavItem: Sendable {
        let href: String
        let label: String
        let current: Bool
    }

    var title: String
    var signedIn: Bool = false
    var username: String?
    var role: String?
    /// When the session ends, for people ("2026-12-06 14:00 UTC") and for machines (ISO 8601).
    var expires: String?
    var expiresISO: String?
    var csrf: String = ""
    var nav: [NavItem] = []
    /// Scripts of `/static/` the page loads (deferred).
    var scripts: [String] = []
    var content: String = ""
}
