import Hummingbird
import Logging
import NIOCore
import Registry

/// Turns the errors of page routes into HTML error pages with their status: problems and registry
/// errors by their (fixed, data-free) wording, anything else a bare 500 whose type alone is logged.
struct PageErrorMiddleware: RouterMiddleware {
    typealias Context = RegistryRequestContext
    let renderer: PageRenderer

    struct ErrorView: Sendable {
        let title: String
        let detail: String
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return page(problem)
        } catch let error as RegistryError {
            if case .internalFailure(let message) = error {
                context.logger.error("registry failure", metadata: ["reason": "\(message)", "path": "\(context.endpointPath ?? "-")"])
            }
            return page(Problem(error))
        } catch let error as HTTPError {
            return page(Problem(status: error.status, title: error.status.reasonPhrase, detail: "the request could not be served"))
        } catch is NIOTooManyBytesError {
            return page(Problem.tooLarge(limit: FormBody.maxSize))
        } catch {
            context.logger.error("unexpected error", metadata: ["type": "\(type(of: error))", "path": "\(context.endpointPath ?? "-")"])
            return page(Problem(status: .internalServerError, title: "Internal Server Error"))
        }
    }

    func page(_ problem: Problem) -> Response {
        let view = ErrorView(title: problem.title, detail: problem.detail ?? problem.title)
        var response = renderer.response("error", view, chrome: Chrome(title: problem.title), status: problem.status)
        for field in problem.headers { response.headers.append(field) }
        return response
    }
}
