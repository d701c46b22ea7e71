import PostgresNIO

/// A PostgreSQL store failure, worded for an operator and never holding a password.
public struct PostgresTradeStoreError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public var description: String

    /// An error saying `description`.
    public init(_ description: String) { self.description = description }

    /// `error` from postgres-nio, explained with the server's own message and SQLSTATE: the
    /// library's own text is deliberately generic, which would leave the operator guessing.
    static func explaining(_ error: any Error, at location: String) -> PostgresTradeStoreError {
        if let e = error as? PostgresTradeStoreError { return e }
        return PostgresTradeStoreError("trade store \(location): \(reason(error))")
    }

    private static func reason(_ error: any Error) -> String {
        if let t = error as? PostgresTransactionError {
            if let inner = t.closureError ?? t.commitError ?? t.beginError { return reason(inner) }
        }
        if let e = error as? PostgresTradeStoreError { return e.description }
        if let p = error as? PSQLError {
            if let info = p.serverInfo, let message = info[.message] {
                return "\(message) (SQLSTATE \(info[.sqlState] ?? "?"))"
            }
            if let underlying = p.underlying { return "\(p.code): \(PostgresStoreURL.redact(String(describing: underlying)))" }
            return "\(p.code)"
        }
        return PostgresStoreURL.redact(String(describing: error))
    }
}
