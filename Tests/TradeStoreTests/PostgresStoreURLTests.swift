import Foundation
import InsiderClusters
import PostgresTradeStore
import SQLiteTradeStore
import Testing
import TradeStore
#if canImport(Glibc)
import Glibc
#endif

/// The server store's address: parsed as libpq reads it, and never printed with its password.
@Suite("PostgreSQL store URL")
struct PostgresStoreURLTests {
    static let secret = "s3cr%40t"

    @Test("a URL is read into host, port, user, password, database, sslmode and schema")
    func parses() throws {
        let url = try PostgresStoreURL("postgres://ic:\(Self.secret)@db.internal:6543/insider?sslmode=require&schema=ts_1")
        #expect(url.host == "db.internal" && url.port == 6543 && url.username == "ic" && url.password == "s3cr@t")
        #expect(url.database == "insider" && url.sslMode == "require" && url.schema == "ts_1")
        #expect(url.redacted == "postgres://ic:***@db.internal:6543/insider?sslmode=require&schema=ts_1")
        let plain = try PostgresStoreURL("postgresql://ic@localhost")
        #expect(plain.port == 5432 && plain.database == "ic" && plain.password == nil && plain.sslMode == "disable")
        #expect(plain.redacted == "postgres://ic@localhost:5432/ic")
    }

    @Test("errors about a bad URL never repeat its password")
    func badURLs() {
        for text in ["postgres://ic:\(Self.secret)@db:5432/x?sslmode=sometimes", "postgres://ic:\(Self.secret)@db/x?schema=a;drop",
                     "postgres://ic:\(Self.secret)@/x"] {
            #expect(throws: (any Error).self) { try PostgresStoreURL(text) }
            do { _ = try PostgresStoreURL(text) } catch {
                #expect(!"\(error)".contains("s3cr"), "\(error)")
                #expect("\(error)".contains("ic:***@"), "\(error)")
            }
        }
        #expect(PostgresStoreURL.redact("see postgres://a:b@h/d and postgresql://c:d%20e@h2") == "see postgres://a:***@h/d and postgresql://c:***@h2")
    }

    @Test("a server that refuses the connection is named without the password")
    func refused() async throws {
        let port = try Self.closedPort()
        let env = RunEnvironment(["TRADE_STORE_URL": "postgres://ic:\(Self.secret)@127.0.0.1:\(port)/insider"])
        let store = try TradeStoreLocator.open(storageRoot: FileManager.default.temporaryDirectory, environment: env)
        #expect(store is PostgresTradeStore)
        do {
            _ = try await store.status()
            Issue.record("status succeeded against a closed port")
        } catch {
            #expect(!"\(error)".contains("s3cr"), "\(error)")
            #expect("\(error)".contains("postgres://ic:***@127.0.0.1:\(port)/insider"), "\(error)")
        }
    }

    @Test("TRADE_STORE_URL selects the server store; unset, the SQLite file; a bad pool size is a configuration error")
    func selection() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("loc-\(UUID().uuidString)")
        #expect(try TradeStoreLocator.open(storageRoot: root, environment: RunEnvironment([:])) is SQLiteTradeStore)
        let pg = try TradeStoreLocator.open(storageRoot: root, environment: RunEnvironment(["TRADE_STORE_URL": "postgres://u:p@127.0.0.1/db"]))
        #expect((pg as? PostgresTradeStore)?.url.redacted == "postgres://u:***@127.0.0.1:5432/db")
        #expect(throws: ConfigurationError.self) {
            try TradeStoreLocator.open(storageRoot: root, environment: RunEnvironment(["TRADE_STORE_URL": "postgres://u@h/db", "TRADE_STORE_POOL_SIZE": "0"]))
        }
    }

    /// A loopback port nothing listens on: bound, read, closed.
    static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { p -> Int32 in
                guard bind(fd, p, len) == 0 else { return -1 }
                return getsockname(fd, p, &len)
            }
        }
        guard bound == 0 else { throw PostgresTradeStoreError("no free loopback port") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}
