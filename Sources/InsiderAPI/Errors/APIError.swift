import Foundation
import HTTPTypes
import Hummingbird
import InsiderCore

/// An error the API answers with: a status and the JSON body `{"error": code, "message": text}`
/// (SPEC section 9: never HTML, never a stack trace).
public struct APIError: Error, HTTPResponseError, Sendable, Equatable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// Machine-readable code (`bad_parameter`, `unauthorized`, `not_found`, ...).
    public var code: String
    /// What is wrong and, for a parameter, the allowed range.
    public var message: String
    /// Extra response headers (`Retry-After`, `Allow`).
    public var extraHeaders: [(HTTPField.Name, String)] = []
    /// What failed underneath, for the server's log only (never in the body).
    public var cause: String?

    /// Creates an error; `cause` is logged by the server, never sent.
    public init(_ status: HTTPResponse.Status, code: String, message: String, headers: [(HTTPField.Name, String)] = [], cause: (any Error)? = nil) {
        self.status = status; self.code = code; self.message = message; self.extraHeaders = headers
        self.cause = cause.map { String(describing: $0) }
    }

    /// Compares status, code and message.
    public static func == (a: APIError, b: APIError) -> Bool { a.status == b.status && a.code == b.code && a.message == b.message }

    /// The JSON body.
    public var body: String {
        JSONValue.object([("error", .string(code)), ("message", .string(message))]).compactText
    }

    /// Renders the error as a JSON response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = JSONBody.contentType
        for (name, value) in extraHeaders { headers[name] = value }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// `400 bad_parameter`.
    public static func badParameter(_ message: String) -> APIError { APIError(.badRequest, code: "bad_parameter", message: message) }
    /// `401 unauthorized`.
    public static func unauthorized(_ message: String) -> APIError { APIError(.unauthorized, code: "unauthorized", message: message) }
    /// `404 not_found`.
    public static func notFound(_ message: String) -> APIError { APIError(.notFound, code: "not_found", message: message) }
}

/// The content type of every body the API sends.
public enum JSONBody {
    /// `application/json; charset=utf-8`.
    public static let contentType = "application/json; charset=utf-8"
}
