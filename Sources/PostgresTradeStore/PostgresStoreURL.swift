import Foundation
import PostgresNIO

/// A `postgres://user:password@host:port/database?sslmode=...&schema=...` address, read once
/// and shown only without its password.
///
/// Operators paste these URLs into cron lines and environment files; every log line, error and
/// `store status` prints `redacted`, so a password typed into the URL never reaches a log.
public struct PostgresStoreURL: Sendable, Equatable, CustomStringConvertible {
    /// Host name or address.
    public var host: String
    /// TCP port (5432 unless given).
    public var port: Int
    /// Role to log in as.
    public var username: String
    /// Password, when the URL gives one.
    public var password: String?
    /// Database name (the user name when absent, as libpq does).
    public var database: String
    /// libpq's `sslmode`: `disable` (the default here), `prefer`, `require`, `verify-ca`, `verify-full`.
    public var sslMode: String
    /// Schema the store's tables live in (`search_path`); nil means the server's default (`public`).
    public var schema: String?

    /// Whether `text` names a PostgreSQL server rather than a file.
    public static func isPostgres(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// Parses `text`; the error never repeats the password.
    public init(_ text: String) throws {
        guard Self.isPostgres(text), let c = URLComponents(string: text), let host = c.host, !host.isEmpty else {
            throw PostgresTradeStoreError("\(Self.redact(text)) is not a postgres://user:password@host:port/database URL")
        }
        self.host = host
        self.port = c.port ?? 5432
        self.username = c.user.flatMap { $0.removingPercentEncoding ?? $0 } ?? "postgres"
        self.password = c.password.flatMap { $0.removingPercentEncoding ?? $0 }
        let path = c.path.hasPrefix("/") ? String(c.path.dropFirst()) : c.path
        self.database = path.isEmpty ? username : path
        let query = Dictionary((c.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        self.sslMode = query["sslmode"] ?? "disable"
        self.schema = query["schema"].flatMap { $0.isEmpty ? nil : $0 }
        guard ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"].contains(sslMode) else {
            throw PostgresTradeStoreError("\(Self.redact(text)): sslmode=\(sslMode) is not one of disable, prefer, require, verify-ca, verify-full")
        }
        if let schema, !schema.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
            throw PostgresTradeStoreError("\(Self.redact(text)): schema=\(schema) may hold only letters, digits and _")
        }
    }

    /// The URL with its password replaced by `***`.
    public var redacted: String {
        var text = "postgres://\(username)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)"
        var query: [String] = []
        if sslMode != "disable" { query.append("sslmode=\(sslMode)") }
        if let schema { query.append("schema=\(schema)") }
        if !query.isEmpty { text += "?" + query.joined(separator: "&") }
        return text
    }

    /// Same as `redacted`.
    public var description: String { redacted }

    /// Any text that may hold a URL with a password, with every `scheme://user:password@` password
    /// replaced by `***`: for messages built from text that did not parse.
    public static func redact(_ text: String) -> String {
        guard let regex = try? NSRegularExpression(pattern: "([A-Za-z][A-Za-z0-9+.-]*://[^:/@\\s]*):[^@\\s]*@") else { return text }
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$1:***@")
    }

    /// postgres-nio's client settings: TLS as `sslmode` asks, the schema as the session's `search_path`.
    func clientConfiguration(poolSize: Int) -> PostgresClient.Configuration {
        var config = PostgresClient.Configuration(host: host, port: port, username: username, password: password,
                                                  database: database, tls: tls)
        config.options.maximumConnections = max(1, poolSize)
        if let schema { config.options.additionalStartupParameters = [("search_path", schema)] }
        return config
    }

    /// Settings for one connection outside the pool (migrations): it fails at once on a refused
    /// connection, where the pool keeps retrying for a minute before giving up.
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let connectionTLS: PostgresConnection.Configuration.TLS
        switch (tlsMode, tlsSettings) {
        case (.prefer, let settings?): connectionTLS = .prefer(try NIOSSLContext(configuration: settings))
        case (.require, let settings?): connectionTLS = .require(try NIOSSLContext(configuration: settings))
        default: connectionTLS = .disable
        }
        var config = PostgresConnection.Configuration(host: host, port: port, username: username, password: password,
                                                      database: database, tls: connectionTLS)
        if let schema { config.options.additionalStartupParameters = [("search_path", schema)] }
        return config
    }

    private enum TLSMode { case disable, prefer, require }

    /// `prefer` and `allow` try TLS and fall back; `require` and `verify-*` insist on it.
    private var tlsMode: TLSMode {
        switch sslMode {
        case "allow", "prefer": .prefer
        case "require", "verify-ca", "verify-full": .require
        default: .disable
        }
    }

    /// `require` encrypts without checking the certificate, as libpq does; `verify-ca` checks the
    /// chain, `verify-full` the host name too.
    private var tlsSettings: TLSConfiguration? {
        var settings = TLSConfiguration.makeClientConfiguration()
        switch sslMode {
        case "allow", "prefer", "require": settings.certificateVerification = .none
        case "verify-ca": settings.certificateVerification = .noHostnameVerification
        case "verify-full": break
        default: return nil
        }
        return settings
    }

    private var tls: PostgresClient.Configuration.TLS {
        switch (tlsMode, tlsSettings) {
        case (.prefer, let settings?): .prefer(settings)
        case (.require, let settings?): .require(settings)
        default: .disable
        }
    }
}
