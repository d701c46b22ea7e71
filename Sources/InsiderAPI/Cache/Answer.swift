import HTTPTypes
import Hummingbird
import InsiderCore

/// A rendered answer: status, JSON bytes and their entity tag. Cached as is, so a repeated
/// request costs a dictionary look-up and no JSON work.
struct Answer: Sendable {
    /// The HTTP status (200, or 404 for an unknown ticker).
    let status: HTTPResponse.Status
    /// The JSON body.
    let body: ByteBuffer
    /// A strong entity tag over the bytes (`"<16 hex digits>"`).
    let etag: String

    /// Renders `json` with `status`.
    init(_ json: JSONValue, status: HTTPResponse.Status = .ok) { self.init(rawJSON: json.compactText, status: status) }

    /// An answer whose body is the JSON text `text`.
    init(rawJSON text: String, status: HTTPResponse.Status = .ok) {
        self.status = status
        self.body = ByteBuffer(string: text)
        self.etag = "\"" + FNV1a64.hex(text.utf8) + "\""
    }

    /// The response to `request`: `304` with no body when `If-None-Match` names this answer's tag.
    func response(to request: Request) -> Response {
        var headers = HTTPFields()
        headers.reserveCapacity(4)
        headers[.contentType] = JSONBody.contentType
        headers[.eTag] = etag
        headers[.cacheControl] = "private, no-cache"
        headers[.vary] = "X-SentiSense-API-Key, Authorization"
        if status == .ok, let tags = request.headers[.ifNoneMatch], Self.matches(tags, etag) {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }

    /// `If-None-Match`: `*`, or a comma-separated list of tags, weak ones compared weakly.
    static func matches(_ header: String, _ etag: String) -> Bool {
        header.split(separator: ",").contains { tag in
            var t = tag.trimmingCharacters(in: .whitespaces)
            if t == "*" { return true }
            if t.hasPrefix("W/") { t.removeFirst(2) }
            return t == etag
        }
    }
}
