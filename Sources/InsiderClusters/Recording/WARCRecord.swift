import Foundation

/// One WARC 1.1 record (ISO 28500): a header block of named fields, an empty line, the content
/// block, then two CRLFs. The fields keep their order, so a written file reads back the same.
public struct WARCRecord: Sendable, Equatable {
    /// Header fields in order (`WARC-Type`, `WARC-Record-ID`, ...).
    public var fields: [(name: String, value: String)]
    /// The content block (for `request`/`response`, the HTTP message).
    public var block: [UInt8]

    /// Creates a record; `Content-Length` is added from the block.
    public init(fields: [(String, String)], block: [UInt8]) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
        self.block = block
    }

    /// The first field of that name, compared case-insensitively.
    public func field(_ name: String) -> String? {
        fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The record's bytes as they go into a `.warc` file.
    public var bytes: [UInt8] {
        var head = "WARC/1.1\r\n"
        for f in fields where f.name.caseInsensitiveCompare("Content-Length") != .orderedSame { head += "\(f.name): \(f.value)\r\n" }
        head += "Content-Length: \(block.count)\r\n\r\n"
        return Array(head.utf8) + block + Array("\r\n\r\n".utf8)
    }

    /// Reads every record of an uncompressed WARC byte stream.
    public static func parseAll(_ bytes: [UInt8]) throws -> [WARCRecord] {
        var records: [WARCRecord] = []
        var i = 0
        while i < bytes.count {
            // Records are separated by CRLF CRLF; tolerate extra blank lines between them.
            while i < bytes.count, bytes[i] == 13 || bytes[i] == 10 { i += 1 }
            guard i < bytes.count else { break }
            guard let end = HTTPMessage.headerEnd(bytes, from: i) else { throw WARCError("record at byte \(i): no end of the header block") }
            let lines = HTTPMessage.lines(bytes[i..<end])
            guard let version = lines.first, version.hasPrefix("WARC/") else { throw WARCError("record at byte \(i): does not start with WARC/") }
            let fields = HTTPMessage.fields(lines.dropFirst())
            guard let lengthText = fields.first(where: { $0.0.lowercased() == "content-length" })?.1, let length = Int(lengthText),
                  end + 4 + length <= bytes.count else {
                throw WARCError("record at byte \(i): missing or wrong Content-Length")
            }
            let start = end + 4
            records.append(WARCRecord(fields: fields, block: Array(bytes[start..<(start + length)])))
            i = start + length
        }
        return records
    }

    public static func == (a: WARCRecord, b: WARCRecord) -> Bool {
        a.block == b.block && a.fields.map(\.name) == b.fields.map(\.name) && a.fields.map(\.value) == b.fields.map(\.value)
    }
}

/// A WARC file that cannot be read or lacks what a replay asks for.
public struct WARCError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, naming the file or URL.
    public var description: String
    init(_ d: String) { description = d }
}

/// The few pieces of HTTP/1.1 message syntax that WARC blocks need.
enum HTTPMessage {
    /// Index of the CRLF CRLF that ends a header block starting at `from`.
    static func headerEnd(_ bytes: [UInt8], from: Int) -> Int? {
        var j = from
        while j + 3 < bytes.count {
            if bytes[j] == 13, bytes[j + 1] == 10, bytes[j + 2] == 13, bytes[j + 3] == 10 { return j }
            j += 1
        }
        return nil
    }

    static func lines(_ bytes: ArraySlice<UInt8>) -> [String] {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
    }

    static func fields<S: Sequence>(_ lines: S) -> [(String, String)] where S.Element == String {
        lines.compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
    }

    /// Headers that must never be written down: credentials.
    static func isSecret(_ name: String) -> Bool {
        let n = name.lowercased()
        return n == "authorization" || n == "proxy-authorization" || n == "cookie" || n == "set-cookie"
            || n.contains("token") || n.contains("api-key") || n.contains("apikey")
    }

    static let reasons: [Int: String] = [
        200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently", 302: "Found", 304: "Not Modified",
        400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 408: "Request Timeout",
        429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
    ]
}
