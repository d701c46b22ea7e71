import Hummingbird
import Logging

/// Outermost middleware: turns every failure into SPEC section 9's JSON error body. The router's
/// own "no route" becomes `404 not_found`, a method other than GET or HEAD `405` (HEAD answers as GET without the body), an oversized request
/// `413`/`414`, and anything unexpected `500 internal_error` (logged, never sent to the client).
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Longest accepted request target, in bytes.
    let maxURILength: Int
    /// Largest accepted request body, in bytes (the API takes none).
    let maxBodyBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            try check(request)
            let answer = try await next(request, context)
            guard request.method == .head else { return answer }
            // HEAD is GET without the body (RFC 9110 9.3.2): same status and headers, ETag included.
            return Response(status: answer.status, headers: answer.headers, body: ResponseBody())
        } catch let error as APIError {
            if let cause = error.cause { context.logger.warning("\(error.code): \(cause)") }
            return try error.response(from: request, context: context)
        } catch let error as HTTPError {
            return try translate(error).response(from: request, context: context)
        } catch {
            context.logger.error("unexpected failure: \(String(describing: error))")
            return try APIError(.internalServerError, code: "internal_error", message: "the server failed to answer; try again later")
                .response(from: request, context: context)
        }
    }

    private func check(_ request: Request) throws {
        guard request.method == .get || request.method == .head else {
            throw APIError(.methodNotAllowed, code: "method_not_allowed", message: "\(request.method.rawValue) is not allowed; this API answers GET (and HEAD) only",
                           headers: [(.allow, "GET, HEAD")])
        }
        if request.uri.description.utf8.count > maxURILength {
            throw APIError(.uriTooLong, code: "uri_too_long", message: "the request target is longer than \(maxURILength) bytes")
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBodyBytes {
            throw APIError(.contentTooLarge, code: "payload_too_large", message: "a request body of \(length) bytes is above the limit of \(maxBodyBytes) bytes")
        }
    }

    private func translate(_ error: HTTPError) -> APIError {
        switch error.status {
        case .notFound:
            return .notFound("no such path; the API serves /api/v1/insider/activity, /api/v1/insider/trades/{ticker}, /api/v1/insider/cluster-buys, /api/v1/insider/openapi.json and /healthz")
        case .contentTooLarge:
            return APIError(.contentTooLarge, code: "payload_too_large", message: "the request body is above the limit of \(maxBodyBytes) bytes")
        default:
            return APIError(error.status, code: "http_\(error.status.code)", message: error.body ?? error.status.reasonPhrase)
        }
    }
}
