import Foundation
@testable import InsiderClusters
import InsiderCore
import Logging
import Testing

/// Issue 9 item 6: one test per defect.
@Suite(.serialized) struct SmallDefectTests {
    @Test func aCSVFieldHoldingCRLFIsQuoted() {
        let items: [JSONValue] = [.object([("symbol", .string("AAA")), ("company_name", .string("Line\r\nBreak Inc"))])]
        let text = DatasetExport.csv(items)
        #expect(text.contains("\"Line\r\nBreak Inc\""))
        #expect(DatasetExport.parseCSV(text).count == 2)
        #expect(DatasetExport.quote("a\r\nb") == "\"a\r\nb\"")
    }

    /// The standard world plus a class-share issuer that OpenInsider writes `BRK.B` and SEC `BRK-B`.
    static var classShareWorld: FakeWorld {
        var world = Worlds.standard
        world.issuers.append(FakeWorld.Issuer(ticker: "BRK.B", name: "Berkshire Class B", cik: 1067983, industry: "Fire, Marine & Casualty Insurance", sic: 6331))
        for (i, (cik, name, title)) in [(6001, "Buffett Warren", "CEO"), (6002, "Abel Greg", "Dir"), (6003, "Jain Ajit", "Dir")].enumerated() {
            world.filings.append(.init(issuer: "BRK.B", accession: "0001067983-26-00000\(i + 1)", owners: [Worlds.owner(cik, name, title)],
                                       rows: [.init(code: "P", date: "2026-04-1\(i)", shares: 100, price: 480)], filed: "2026-04-2\(i) 10:00:00"))
        }
        return world
    }

    @Test(arguments: ["openinsider", "edgar"])
    func aDashedClassShareTickerFindsTheIssuer(source: String) async throws {
        let h = try Harness(world: SmallDefectTests.classShareWorld)
        _ = try await h.run(input: #"{"tickers": ["BRK-B"], "source": "\#(source)"}"#)
        let rows = try h.rows()
        #expect(rows.compactMap { $0["symbol"]?.stringValue } == ["BRK.B"])
        #expect(rows.first?["insider_count"]?.integerValue == 3)
        if source == "openinsider" { #expect(h.openInsider.requests.map { $0.query["s"] } == ["BRK.B"]) }
    }

    @Test func anUnreadableInputRecordIsAnErrorNamingTheFile() async throws {
        let storage = Paths.tempDir("cli")
        let record = storage.appendingPathComponent("key_value_stores/default/INPUT.json")
        try FileManager.default.createDirectory(at: record, withIntermediateDirectories: true)   // exists, cannot be read as a file
        let r = try await CLI.run(["run", "--storage", storage.path], env: ["OPENINSIDER_BASE_URL": "http://127.0.0.1:9"])
        #expect(r.status == 2)
        #expect(r.stderr.contains(record.path), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: storage.appendingPathComponent("datasets").path))
    }

    @Test func purgeKeepsAnInputKeyThatHoldsADot() throws {
        let root = Paths.tempDir()
        let store = LocalStorage(root: root).keyValueStore()
        try store.set("my.input", Data("{}".utf8))
        try store.set("my", Data("{}".utf8))
        try store.set("my.input.old", Data("{}".utf8))
        try LocalStorage(root: root).purgeDefaultStorages(inputKey: "my.input", chargingLog: "charging-log")
        #expect(store.get("my.input") != nil)
        #expect(store.get("my") == nil && store.get("my.input.old") == nil)
    }

    @Test func theBundledSchemaIsTheTopLevelFile() throws {
        let file = try String(contentsOf: Paths.projectRoot.appendingPathComponent("input_schema.json"), encoding: .utf8)
        #expect(BundledInputSchema.text + "\n" == file, "regenerate Sources/InsiderClusters/Input/BundledInputSchema.swift from input_schema.json")
        #expect(try InputSchema.locate(environment: [:]).properties.map(\.name) == (try Paths.schema()).properties.map(\.name))
    }

    @Test func theBinaryRunsFromAnEmptyFolderAndIgnoresAStraySchema() async throws {
        let empty = Paths.tempDir("cwd")
        let r = try await CLI.run(["validate-input", "-"], env: ["INSIDER_CLUSTERS_INPUT_SCHEMA": ""], cwd: empty, stdin: #"{"limit": 10}"#)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"min_cluster_size\""))
        // A stray input_schema.json in the working directory does not replace the product's rules.
        try Data(#"{"type": "object", "properties": {"limit": {"type": "integer", "maximum": 5}}}"#.utf8)
            .write(to: empty.appendingPathComponent("input_schema.json"))
        let stray = try await CLI.run(["validate-input", "-"], env: ["INSIDER_CLUSTERS_INPUT_SCHEMA": ""], cwd: empty, stdin: #"{"limit": 10}"#)
        #expect(stray.status == 0, "\(stray.stderr)")
        #expect(stray.stdout.contains("\"min_cluster_size\""))
        // Named explicitly, a schema file is used.
        let named = try await CLI.run(["validate-input", "-"], env: ["INSIDER_CLUSTERS_INPUT_SCHEMA": empty.appendingPathComponent("input_schema.json").path],
                                cwd: empty, stdin: #"{"limit": 10}"#)
        #expect(named.status == 2 && named.stderr.contains("input.limit"), "\(named.stderr)")
    }

    @Test(arguments: ["openinsider", "edgar"])
    func concurrencySettingBoundsEveryStage(source: String) async throws {
        let world = Worlds.standard
        let h = try Harness(world: world) { _, sec in
            // Slow answers make overlapping requests visible to the server.
            for f in world.filings where f.onEdgar {
                sec.on(world.filingPath(f), CannedResponse(status: 200, headers: [("Content-Type", "text/xml")], body: world.form4XML(f), delay: .milliseconds(250)))
            }
            for iss in world.issuers {
                sec.on("/submissions/CIK\(FakeWorld.pad(iss.cik)).json",
                       CannedResponse(status: 200, headers: [("Content-Type", "application/json")], body: world.submissionsJSON(cik: iss.cik)!, delay: .milliseconds(250)))
            }
        }
        _ = try await h.run(input: #"{"tickers": ["ACME", "BETA", "GAMA", "DELT"], "source": "\#(source)"}"#, env: ["INSIDER_CLUSTERS_CONCURRENCY": "1"])
        #expect(h.sec.requests(pathPrefix: "/Archives/").count >= 9)
        #expect(h.sec.maxInFlight == 1)
        #expect(h.openInsider.maxInFlight <= 1)
    }

    @Test func failedCacheAndSummaryWritesAreReported() async throws {
        let h = try Harness()
        let fm = FileManager.default
        let stores = h.root.appendingPathComponent("key_value_stores")
        try fm.createDirectory(at: stores.appendingPathComponent("default/RUN_SUMMARY.json"), withIntermediateDirectories: true)
        try Data("not a folder".utf8).write(to: stores.appendingPathComponent("edgar-filings"))
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let summary = try await ClusterJob(settings: try h.settings(purge: false), logger: logger).run()
        #expect(summary.notes.contains { $0.hasPrefix("filing cache: 9 fetched filing(s) could not be cached") }, "\(summary.notes)")
        #expect(summary.notes.contains { $0.hasPrefix("RUN_SUMMARY was not written") }, "\(summary.notes)")
        #expect(try h.rows().count == 2)
    }
}
