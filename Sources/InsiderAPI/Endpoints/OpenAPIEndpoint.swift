import Hummingbird

/// `GET /api/v1/insider/openapi.json`: the contract, served from the binary.
struct OpenAPIEndpoint: Sendable {
    private let answer = Answer(rawJSON: OpenAPIDocument.json)

    func handle(_ request: Request, context: APIRequestContext) async throws -> Response { answer.response(to: request) }
}
