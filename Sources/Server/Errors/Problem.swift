public import Hummingbird
public import Registry
import FoundationEssentials

/// An RFC 9457 problem response (`application/problem+json`): status, title, detail and, for
/// invalid input, each invalid field with the reason. Never carries patient data.
public struct Problem: HTTPResponseError, Sendable, Equatable {
    public var status: HTTPResponse.Status
    public var title: String
    public var detail: String?
    public var invalidParams: [FieldProblem]
    public var headers: HTTPFields

    public init(status: HTTPResponse.Status, title: String, detail: String? = nil, invalidParams: [FieldProblem] = [],
                headers: HTTPFields = [:]) {
        self.status = status
        self.title = title
        self.detail = detail
        self.invalidParams = invalidParams
        self.headers = headers
    }

    public static let unauthenticated = Problem(
        status: .unauthorized, title: "Unauthorized", detail: "sign in with POST /api/v1/auth/login and send the token as a bearer token",
        headers: [.wwwAuthenticate: "Bearer"])

    public static func badRequest(_ detail: String, _ fields: [FieldProblem] = []) -> Problem {
        Problem(status: .badRequest, title: "Bad Request", detail: detail, invalidParams: fields)
    }

    public static func invalid(_ fields: [FieldProblem]) -> Problem {
        Problem(status: .unprocessableContent, title: "Invalid fields",
                detail: fields.map { "\($0.field): \($0.reason)" }.joined(separator: "; "), invalidParams: fields)
    }

    public static func notFound(_ what: String) -> Problem {
        Problem(status: .notFound, title: "Not Found", detail: "no \(what) with this id that you may see")
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

        enum CodingKeys: String, CodingKey {
            case type, title, status, detail
            case invalidParams = "invalid-params"
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(title: title, status: status.code, detail: detail, invalidParams: invalidParams.isEmpty ? nil : invalidParams)
        let data = try JSONEncoder().encode(body)
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
