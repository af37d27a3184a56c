public import Hummingbird
public import Registry
import FoundationEssentials

/// An RFC 9457 problem response (`application/problem+json`): status, title, detail and, for
/// invalid input, each invalid field with the reason. Never carries patient data.
///
/// Its size is bounded whatever the request: at most `maxListed` invalid fields are listed, the
/// rest only counted (`invalid-params-omitted`), and field names (which may echo a client's keys)
/// and texts are cut to `maxText` characters. A body of 845,841 unknown keys once answered 75 MB.
public struct Problem: HTTPResponseError, Sendable, Equatable {
    /// Invalid fields listed in one response; the rest are counted.
    public static let maxListed = 20
    /// Longest field name or reason sent, in characters.
    public static let maxText = 200
    /// Longest detail sent, in characters.
    public static let maxDetail = 2_000

    public var status: HTTPResponse.Status
    public var title: String
    public var detail: String?
    /// The first `maxListed` invalid fields.
    public private(set) var invalidParams: [FieldProblem]
    /// How many invalid fields were found beyond those listed.
    public private(set) var omittedParams: Int
    public var headers: HTTPFields

    public init(status: HTTPResponse.Status, title: String, detail: String? = nil, invalidParams: [FieldProblem] = [],
                omitted: Int = 0, headers: HTTPFields = [:]) {
        self.status = status
        self.title = title
        self.detail = detail.map { Self.cut($0, to: Self.maxDetail) }
        self.invalidParams = invalidParams.prefix(Self.maxListed).map { FieldProblem(Self.cut($0.field), Self.cut($0.reason)) }
        self.omittedParams = omitted + max(0, invalidParams.count - Self.maxListed)
        self.headers = headers
    }

    /// `text` cut to `limit` characters, marked with an ellipsis when cut.
    static func cut(_ text: String, to limit: Int = maxText) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    public static let unauthenticated = Problem(
        status: .unauthorized, title: "Unauthorized", detail: "sign in with POST /api/v1/auth/login and send the token as a bearer token",
        headers: [.wwwAuthenticate: "Bearer"])

    public static func badRequest(_ detail: String, _ fields: [FieldProblem] = []) -> Problem {
        Problem(status: .badRequest, title: "Bad Request", detail: detail, invalidParams: fields)
    }

    /// 422 naming the invalid fields; `omitted` counts further problems the caller did not list.
    public static func invalid(_ fields: [FieldProblem], omitted: Int = 0) -> Problem {
        let listed = fields.prefix(maxListed)
        let rest = omitted + fields.count - listed.count
        let more = rest > 0 ? "; and \(rest) more" : ""
        let list = listed.map { "\(cut($0.field)): \(cut($0.reason))" }.joined(separator: "; ")
        let detail = cut(list, to: maxDetail - more.count) + more
        return Problem(status: .unprocessableContent, title: "Invalid fields", detail: detail, invalidParams: fields, omitted: omitted)
    }

    public static func notFound(_ what: String) -> Problem {
        Problem(status: .notFound, title: "Not Found", detail: "no \(what) with this id that you may see")
    }

    /// 413: the body is over the upload limit of `limit` bytes.
    public static func tooLarge(limit: Int) -> Problem {
        Problem(status: .contentTooLarge, title: "Content Too Large",
                detail: "the body is larger than the limit of \(limit) bytes")
    }

    /// 405 for a known path asked with another method; `allow` lists the path's methods.
    public static func methodNotAllowed(_ method: HTTPRequest.Method, allow: String) -> Problem {
        Problem(status: .methodNotAllowed, title: "Method Not Allowed", detail: "\(method.rawValue) is not served here; this path answers \(allow)",
                headers: [.allow: allow])
    }

    public static func notImplemented(_ detail: String) -> Problem {
        Problem(status: .notImplemented, title: "Not Implemented", detail: detail)
    }

    /// The HTTP form of a registry error. Internal failures become a bare 500; their text is logged
    /// by `ProblemMiddleware`, not sent.
    public init(_ error: RegistryError) {
        switch error {
        case .invalid(let fields): self = .invalid(fields)
        case .notFound(let entity): self = .notFound(entity.rawValue)
        case .conflict(let detail): self.init(status: .conflict, title: "Conflict", detail: detail)
        case .unauthenticated: self = .unauthenticated
        case .forbidden(let detail): self.init(status: .forbidden, title: "Forbidden", detail: detail)
        case .internalFailure: self.init(status: .internalServerError, title: "Internal Server Error")
        }
    }

    struct Body: Encodable {
        var type = "about:blank"
        var title: String
        var status: Int
        var detail: String?
        var invalidParams: [FieldProblem]?
        var omittedParams: Int?

        enum CodingKeys: String, CodingKey {
            case type, title, status, detail
            case invalidParams = "invalid-params"
            case omittedParams = "invalid-params-omitted"
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(title: title, status: status.code, detail: detail, invalidParams: invalidParams.isEmpty ? nil : invalidParams,
                        omittedParams: omittedParams > 0 ? omittedParams : nil)
        let data = try JSONEncoder().encode(body)
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
