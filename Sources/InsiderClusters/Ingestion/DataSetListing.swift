import Foundation

/// SEC's Insider Transactions Data Sets page: one link per published quarter. The ZIPs live in
/// two folders (DOMAIN 6.1), so links are taken from the page, never built.
public enum DataSetListing {
    /// The page's path under the SEC base URL.
    public static let path = "data-research/sec-markets-data/insider-transactions-data-sets"

    /// Every `…/YYYYqN_form345.zip` link on the page, by quarter (the path part of the link, so it
    /// can be moved onto a configured base URL).
    public static func links(in html: [UInt8]) -> [Quarter: String] {
        let text = String(decoding: html, as: UTF8.self)
        var out: [Quarter: String] = [:]
        var rest = text[...]
        while let r = rest.range(of: "_form345.zip", options: .caseInsensitive) {
            let before = rest[..<r.lowerBound]
            // The link starts after the nearest quote or `=`.
            let start = before.lastIndex(where: { $0 == "\"" || $0 == "'" || $0 == "=" || $0 == " " || $0 == ">" })
                .map { before.index(after: $0) } ?? before.startIndex
            let link = String(rest[start..<r.upperBound])
            let name = link.split(separator: "/").last.map(String.init) ?? link
            if let q = Quarter(String(name.prefix(6))), name.count == 6 + "_form345.zip".count {
                var path = link
                if let url = URL(string: link), url.host != nil { path = url.path }
                if !path.hasPrefix("/") { path = "/" + path }
                // The anchor's text repeats the bare file name: the href (a path with folders) wins.
                if out[q] == nil || (out[q]!.split(separator: "/").count < path.split(separator: "/").count) { out[q] = path }
            }
            rest = rest[r.upperBound...]
        }
        return out
    }
}
