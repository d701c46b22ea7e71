import InsiderCore

/// SPEC section 9's preview for callers without a pro key: the body cut short, in an envelope.
enum Preview {
    /// Trades shown in a preview of `/trades/{ticker}`; buys and sells each in `/activity`.
    static let entries = 5
    /// Issuers shown in a preview of `/cluster-buys`.
    static let clusterBuys = 3

    /// `{"isPreview": true, "previewReason": "PRO_REQUIRED", "data": data}`.
    static func envelope(_ data: JSONValue) -> JSONValue {
        .object([("isPreview", .bool(true)), ("previewReason", .string("PRO_REQUIRED")), ("data", data)])
    }
}
