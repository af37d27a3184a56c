public import Hummingbird

/// Refuses a request whose `Content-Length` declares more than the upload limit with 413 before
/// anything else runs (authentication, routing, reading the body), so a big upload costs no work.
/// Bodies without a length (chunked) are bounded where they are collected: `collect(upTo:)` throws
/// `NIOTooManyBytesError`, which `ProblemMiddleware` also answers 413.
public struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let text = request.headers[.contentLength], let length = Int(text), length > context.maxUploadSize {
            throw Problem.tooLarge(limit: context.maxUploadSize)
        }
        return try await next(request, context)
    }
}
