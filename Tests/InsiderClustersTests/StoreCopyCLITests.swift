import Foundation
import Testing

/// `store copy` as an operator runs it: a SQLite store to PostgreSQL and back to a second SQLite
/// file, through the built binary, against the server `TRADE_STORE_TEST_POSTGRES_URL` names.
@Suite(.serialized, .enabled(if: TestServer.url != nil, "set TRADE_STORE_TEST_POSTGRES_URL (.ci/run starts a server)"))
struct StoreCopyCLITests {
    static let asOf = "2026-11-30"

    /// The server's URL with a schema no other test uses.
    static func freshURL() -> String {
        let url = TestServer.url ?? ""
        return url + (url.contains("?") ? "&" : "?") + "schema=cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    /// `table -> "rows checksum"` from `store copy`'s stdout.
    static func tables(_ stdout: String) -> [String: String] {
        Dictionary(stdout.split(separator: "\n").compactMap { line -> (String, String)? in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            return cells.count == 3 ? (String(cells[0]), "\(cells[1]) \(cells[2])") : nil
        }, uniquingKeysWith: { a, _ in a })
    }

    /// A SQLite store under `storage` with 6,000 synthetic filings (two pages of the copy) and a key.
    static func seed(_ storage: URL) async throws {
        let seeded = try await CLI.run(["dev-seed", "--storage", storage.path, "--as-of", asOf, "--filings", "6000", "--issuers", "40"])
        #expect(seeded.status == 0, "\(seeded.stderr)")
        let key = try await CLI.run(["api-key", "create", "--tier", "pro", "--name", "desk", "--storage", storage.path])
        #expect(key.status == 0, "\(key.stderr)")
    }

    static func file(_ storage: URL) -> String { storage.appendingPathComponent("trade-store/trades.sqlite").path }

    @Test func sqliteToPostgresToSQLiteKeepsEveryTableAndEveryAnswer() async throws {
        let dir = Paths.tempDir("store-copy")
        let first = dir.appendingPathComponent("first"), second = dir.appendingPathComponent("second")
        try await Self.seed(first)
        let pg = Self.freshURL()

        let there = try await CLI.run(["store", "copy", "--from", Self.file(first), "--to", pg])
        #expect(there.status == 0, "\(there.stderr)")
        let back = try await CLI.run(["store", "copy", "--from", pg, "--to", Self.file(second)])
        #expect(back.status == 0, "\(back.stderr)")

        let thereTables = Self.tables(there.stdout), backTables = Self.tables(back.stdout)
        #expect(thereTables.count == 9, "\(there.stdout)")
        #expect(thereTables == backTables)
        #expect(thereTables["filings"]?.hasPrefix("6000 rows") == true)
        #expect(thereTables["api_keys"]?.hasPrefix("1 rows") == true)
        #expect(thereTables["transactions"].map { !$0.hasPrefix("0 rows") } == true)
        // The password never reaches the output.
        if let password = URLComponents(string: pg)?.password, !password.isEmpty {
            #expect(!(there.stdout + there.stderr + back.stdout + back.stderr).contains(password))
        }

        for query in [["query", "cluster-buys", "--lookback-days", "90"], ["query", "activity", "--lookback-days", "30"],
                      ["query", "trades", "BUSY", "--lookback-days", "90"]] {
            var answers: [CLI.Result] = []
            for store in [["--storage", first.path], ["--store-url", pg], ["--storage", second.path]] {
                answers.append(try await CLI.run(query + ["--as-of", Self.asOf] + store))
            }
            for a in answers { #expect(a.status == 0, "\(query): \(a.stderr)") }
            #expect(answers[0].stdout.count > 20, "\(query): \(answers[0].stdout)")
            #expect(answers[1].stdout == answers[0].stdout, "\(query) on PostgreSQL")
            #expect(answers[2].stdout == answers[0].stdout, "\(query) on the second SQLite file")
        }
    }

    @Test func aCopyThatFailsOnItsLastTableLeavesTheServerEmpty() async throws {
        let dir = Paths.tempDir("store-copy")
        let source = dir.appendingPathComponent("source")
        try await Self.seed(source)
        // SQLite keeps a word in the BIGINT column; PostgreSQL refuses it, on the last table copied.
        let python = try CLI.python(["-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE store_meta SET value = 'many'\"); c.commit()",
                                     Self.file(source)])
        #expect(python == 0)
        let pg = Self.freshURL()

        let copy = try await CLI.run(["store", "copy", "--from", Self.file(source), "--to", pg])
        #expect(copy.status == 1, "\(copy.stdout)")
        #expect(copy.stderr.contains("store copy failed"), "\(copy.stderr)")
        #expect(copy.stderr.contains("filings: 6000 rows copied"), "\(copy.stderr)")

        let status = try await CLI.run(["store", "status", "--json", "--store-url", pg])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("\"filings\": 0"), "\(status.stdout)")
        #expect(status.stdout.contains("\"transactions\": 0"), "\(status.stdout)")
        let keys = try await CLI.run(["api-key", "list", "--store-url", pg])
        #expect(!keys.stdout.contains("desk"), "\(keys.stdout)")
    }
}

/// The test server named by `TRADE_STORE_TEST_POSTGRES_URL`.
enum TestServer {
    static let url: String? = ProcessInfo.processInfo.environment["TRADE_STORE_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
}

extension CLI {
    /// Runs `python3` with `args`; its exit status.
    static func python(_ args: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + args
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }
}
