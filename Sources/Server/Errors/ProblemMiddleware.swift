public import Hummingbird
import Logging
import NIOCore
import Registry

/// Turns every error into a problem response: registry errors by their meaning, Hummingbird's own
/// HTTP errors (unknown route, body too large) with their status, a body over the upload limit 413,
/// anything else a bare 500 whose type, never its text, is logged. Input can never cause a 500:
/// decoding and validation errors are thrown as problems before they get here.
public struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return try problem.response(from: request, context: context)
        } catch let error as RegistryError {
            if case .internalFailure(let message) = error {
                context.logger.error("registry failure", metadata: ["reason": "\(message)", "path": "\(context.endpointPath ?? "-")"])
            }
            return try Problem(error).response(from: request, context: context)
        } catch let error as HTTPError {
            let problem = Problem(status: error.status, title: error.status.reasonPhrase,
                                  detail: error.status.code == 404 ? "no such route" : error.body)
            return try problem.response(from: request, context: context)
        } catch is NIOTooManyBytesError {
            return try Problem.tooLarge(limit: context.maxUploadSize).response(from: request, context: context)
        } catch {
            context.logger.error("unexpected error", metadata: ["type": "\(type(of: error))", "path": "\(context.endpointPath ?? "-")"])
            return try Problem(status: .internalServerError, title: "Internal Server Error").response(from: request, context: context)
        }
    }
}
