import Foundation

extension EdgarSource {
    /// GETs a path under the SEC base URL (bulk files, indexes, listing pages) under the SEC-wide
    /// rate limit and block-page rules; `extraHeaders` carry conditional-GET validators.
    func fetchSEC(path: String, extraHeaders: [String: String] = [:]) async throws -> HTTPResponse {
        guard isEnabled else { throw EdgarError.disabled(config.secUnavailableReason ?? "SEC access is not configured") }
        let url = secURL(path: path)
        return try await http.get(url, headers: headers.merging(extraHeaders) { $1 }, limiter: limiter, judge: EdgarSource.judge)
    }

    /// `path` (with or without a leading slash) on the configured SEC base URL.
    func secURL(path: String) -> URL {
        path.split(separator: "/").reduce(config.secBaseURL) { $0.appendingPathComponent(String($1)) }
    }
}
