import Foundation
import InsiderCore
import InsiderClusters
import Testing

/// The built `insider-clusters` binary, run as a user would.
enum CLI {
    static var binary: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("insider-clusters")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return Paths.projectRoot.appendingPathComponent(".build/debug/insider-clusters")
    }

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    /// Runs the binary on a thread of its own and awaits it: a test blocked on a child process must
    /// not hold one of the few threads every other test's async work (servers, clients) runs on.
    static func run(_ args: [String], env: [String: String] = [:], cwd: URL? = nil, stdin: String? = nil) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Swift.Result { try runBlocking(args, env: env, cwd: cwd, stdin: stdin) })
            }
        }
    }

    private static func runBlocking(_ args: [String], env: [String: String], cwd: URL?, stdin: String?) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        var environment = ProcessInfo.processInfo.environment
        for key in ["APIFY_LOCAL_STORAGE_DIR", "CRAWLEE_STORAGE_DIR", "SEC_USER_AGENT", "ACTOR_MAX_TOTAL_CHARGE_USD", "INSIDER_CLUSTERS_AS_OF"] {
            environment.removeValue(forKey: key)
        }
        environment["INSIDER_CLUSTERS_INPUT_SCHEMA"] = Paths.projectRoot.appendingPathComponent("input_schema.json").path
        p.environment = environment.merging(env) { _, b in b }
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}

@Suite(.serialized) struct CLITests {
    @Test func badInputExitsTwoNamingEveryProblemAndWritesNothing() async throws {
        let dir = Paths.tempDir("cli")
        let input = dir.appendingPathComponent("in.json")
        try Data(#"{"min_cluster_size": 25, "date_range": "last_7d"}"#.utf8).write(to: input)
        let storage = dir.appendingPathComponent("storage")
        let r = try await CLI.run(["run", "--input", input.path, "--storage", storage.path], env: ["OPENINSIDER_BASE_URL": "http://127.0.0.1:9"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("input.min_cluster_size: 25 is above the maximum 20"))
        #expect(r.stderr.contains("input.date_range: \"last_7d\" is not one of last_30d, last_60d, last_90d"))
        #expect(!FileManager.default.fileExists(atPath: storage.appendingPathComponent("datasets").path))
    }

    @Test func malformedInputFromStdinGivesLineAndColumn() async throws {
        let r = try await CLI.run(["validate-input", "-"], stdin: "{\n \"limit\": }")
        #expect(r.status == 2)
        #expect(r.stderr.contains("input: malformed JSON at line 2, column 11"))
    }

    @Test func validateInputPrintsTheCompletedInput() async throws {
        let r = try await CLI.run(["validate-input", "-"], stdin: #"{"tickers": [" nvda "]}"#)
        #expect(r.status == 0)
        let json = try JSONValue.parse(r.stdout)
        #expect(json["tickers"] == .array([.string("NVDA")]))
        #expect(json["limit"]?.integerValue == 25)
    }

    @Test(arguments: [["run", "--bogus"], ["export", "--format", "xml"], ["run", "--output", "x.txt"], ["run", "--log-level", "loud"],
                      ["frobnicate"], ["run", "--as-of", "2026-02-30"]])
    func usageErrorsExitTwo(args: [String]) async throws {
        let dir = Paths.tempDir("cli")
        let r = try await CLI.run(args + (args.first == "run" ? ["--storage", dir.path] : []), env: ["OPENINSIDER_BASE_URL": "http://127.0.0.1:9"])
        #expect(r.status == 2, "\(args): \(r.stderr)")
        #expect(!r.stderr.isEmpty)
    }

    @Test(arguments: ["run", "export", "validate-input", "parse openinsider", "parse form4"])
    func everyHelpHasExamples(command: String) async throws {
        let r = try await CLI.run(command.split(separator: " ").map(String.init) + ["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Example"))
    }

    @Test func aRunAgainstLocalSourcesWritesRowsChargesAndTheExport() async throws {
        let h = try Harness()
        let out = h.root.appendingPathComponent("clusters.csv")
        var env = h.environment
        env["INSIDER_CLUSTERS_AS_OF"] = "2026-04-30"
        let r = try await CLI.run(["run", "--storage", h.root.path, "--input", "-", "--output", out.path], env: env, stdin: #"{"limit": 10}"#)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("rows written: 2"))
        #expect(r.stderr.contains("charges: actor-start x1, cluster-record x2 = $0.51"))
        #expect(r.stderr.contains("requests: 127.0.0.1:"))
        let csv = DatasetExport.parseCSV(try String(contentsOf: out, encoding: .utf8))
        #expect(csv.count == 3)
        #expect(csv[0].prefix(3) == ["symbol", "company_name", "sector"])
        #expect(csv[1][0] == "BETA")
        let export = try await CLI.run(["export", "--storage", h.root.path, "--dataset", "charging-log", "--format", "jsonl"])
        #expect(export.status == 0)
        #expect(export.stdout.split(separator: "\n").count == 3)
    }

    @Test func anUnreachableSourceExitsOne() async throws {
        let dir = Paths.tempDir("cli")
        let r = try await CLI.run(["run", "--storage", dir.path, "--input", "-"], env: ["OPENINSIDER_BASE_URL": "http://127.0.0.1:9", "HTTP_MAX_RETRIES": "1", "HTTP_BACKOFF_MS": "10"], stdin: "{}")
        #expect(r.status == 1)
        #expect(r.stderr.contains("run failed"))
        #expect(r.stderr.contains("127.0.0.1:9"))
        #expect(LocalStorage(root: dir).dataset().itemCount == 0)
    }

    @Test func theDefaultInputComesFromTheStorageFolder() async throws {
        let dir = Paths.tempDir("cli")
        let store = LocalStorage(root: dir).keyValueStore()
        try store.set("INPUT", Data(#"{"limit": 0}"#.utf8))
        let r = try await CLI.run(["run"], env: ["APIFY_LOCAL_STORAGE_DIR": dir.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("input.limit: 0 is below the minimum 1"))
        try store.set("CUSTOM", Data(#"{"limit": 501}"#.utf8))
        let custom = try await CLI.run(["run"], env: ["APIFY_LOCAL_STORAGE_DIR": dir.path, "ACTOR_INPUT_KEY": "CUSTOM"])
        #expect(custom.stderr.contains("input.limit: 501 is above the maximum 500"))
    }
}
