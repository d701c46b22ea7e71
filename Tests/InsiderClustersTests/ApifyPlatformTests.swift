import Foundation
@testable import InsiderClusters
import InsiderCore
import Testing

/// A run with `APIFY_IS_AT_HOME=1` against a fake of the platform API on 127.0.0.1.
@Suite(.serialized) struct ApifyPlatformTests {
    func run(_ h: Harness, _ apify: FakeApify) async throws -> CLI.Result {
        try await CLI.run(["run", "--storage", Paths.tempDir("container").path, "--as-of", "2026-04-30"],
                    env: h.environment.merging(apify.environment) { $1 })
    }

    @Test func inputFromTheStoreRowsPushedChargesKeyedAndRetriedOn429And500() async throws {
        let h = try Harness()
        let apify = try FakeApify()
        apify.set { $0.input = #"{"limit": 10}"#; $0.chargeScript = [429, 500] }
        let r = try await run(h, apify)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(apify.problems == [])
        #expect(apify.symbols == ["BETA", "ACME"])
        #expect(apify.pushes == 1)   // one batch
        #expect(apify.charged == ["run1-actor-start-1": "actor-start", "run1-cluster-record-1": "cluster-record", "run1-cluster-record-2": "cluster-record"])
        // The 429 and the 500 were retried with the same key.
        #expect(apify.chargeCalls.prefix(3).map(\.key) == ["run1-actor-start-1", "run1-actor-start-1", "run1-actor-start-1"])
        #expect(apify.chargeCalls.prefix(3).map(\.status) == [429, 500, 201])
        #expect(apify.statuses.last?["isStatusMessageTerminal"] == .bool(true))
        #expect(apify.statuses.last?["statusMessage"]?.stringValue == "Wrote 2 cluster(s)")
    }

    @Test func theBudgetComesFromThePlatform() async throws {
        let h = try Harness()
        let apify = try FakeApify()
        apify.set { $0.maxTotalChargeUSD = "0.30" }   // actor-start and one row
        let r = try await run(h, apify)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(apify.symbols == ["BETA"])
        #expect(Set(apify.charged.keys) == ["run1-actor-start-1", "run1-cluster-record-1"])
        #expect(apify.problems == [])
    }

    @Test func aKilledRunRestartedWithTheSameRunIDPushesNoRowTwiceAndChargesNothingTwice() async throws {
        let h = try Harness()
        let apify = try FakeApify()
        apify.set { $0.failKey = "run1-cluster-record-2" }
        let first = try await run(h, apify)
        #expect(first.status == 1)
        #expect(apify.symbols == ["BETA", "ACME"])          // rows first: the commit point
        #expect(Set(apify.charged.keys) == ["run1-actor-start-1", "run1-cluster-record-1"])

        // A new container (empty local storage), the same run id.
        apify.set { $0.failKey = nil }
        let second = try await run(h, apify)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(apify.symbols == ["BETA", "ACME"])
        #expect(apify.pushes == 1)
        #expect(apify.charged == ["run1-actor-start-1": "actor-start", "run1-cluster-record-1": "cluster-record", "run1-cluster-record-2": "cluster-record"])
        #expect(Set(apify.chargeCalls.map(\.key)) == Set(apify.charged.keys))   // no other key was ever sent
        #expect(apify.problems == [])
    }

    @Test func atHomeWithoutATokenIsAConfigurationErrorNamingTheVariable() async throws {
        let apify = try FakeApify()
        let r = try await CLI.run(["run", "--storage", Paths.tempDir("container").path], env: apify.environment.merging(["APIFY_TOKEN": ""]) { $1 })
        #expect(r.status == 2)
        #expect(r.stderr.contains("APIFY_TOKEN is not set"))
    }

    @Test func theActorFilesNameRealFilesAndTheOverviewShowsRealColumns() async throws {
        let dir = Paths.projectRoot.appendingPathComponent(".actor")
        let actor = try JSONValue.parse(Array(try Data(contentsOf: dir.appendingPathComponent("actor.json"))))
        #expect(actor["actorSpecification"]?.integerValue == 1 && actor["name"]?.stringValue == "insider-clusters")
        #expect(actor["version"]?.stringValue?.range(of: #"^\d+\.\d+(\.\d+)?$"#, options: .regularExpression) != nil)
        for key in ["input", "dockerfile", "readme"] {
            let path = try #require(actor[key]?.stringValue)
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(path).path), "\(key): \(path)")
        }
        let schemaPath = try #require(actor["storages"]?["dataset"]?.stringValue)
        let schema = try JSONValue.parse(Array(try Data(contentsOf: dir.appendingPathComponent(schemaPath))))
        let fields = schema["views"]?["overview"]?["transformation"]?["fields"]?.arrayValue ?? []
        let columns = fields.compactMap(\.stringValue)
        #expect(!columns.isEmpty)
        let h = try Harness()
        _ = try await h.run()
        let row = try #require(try h.rows().first?.objectValue)
        let keys = Set(row.map(\.0))
        #expect(columns.allSatisfy(keys.contains), "\(columns.filter { !keys.contains($0) })")
        #expect(columns.allSatisfy { schema["views"]?["overview"]?["display"]?["properties"]?[$0] != nil })
    }

    @Test func rowsArePushedInBatchesUnderFiveMegabytesInOrder() async throws {
        let apify = try FakeApify()
        let platform = try #require(try ApifyPlatform.fromEnvironment(RunEnvironment(apify.environment), retry: RetryPolicy(baseDelay: .milliseconds(10)),
                                                                       logger: .init(label: "test")))
        let filler = String(repeating: "x", count: 2_000_000)
        let rows: [JSONValue] = (1...3).map { .object([("symbol", .string("S\($0)")), ("filler", .string(filler))]) }
        try await platform.push(rows)
        #expect(apify.pushes == 2)   // 2 MB + 2 MB fit in one request, the third row goes in the next
        #expect(apify.symbols == ["S1", "S2", "S3"])
        #expect(apify.problems == [])
    }

    @Test func theWeeklyDigestWorksAcrossPlatformRunsThroughANamedStore() async throws {
        let apify = try FakeApify()
        let r1 = try await run(try Harness(), apify)
        #expect(r1.status == 0, "\(r1.stderr)")
        #expect(apify.historyRecords.count == 1)
        // Next week: a new run (its own dataset), a new container, the same named store.
        let next = try FakeApify()
        next.set { $0.historyRecords = apify.historyRecords }
        let r2 = try await run(try Harness(world: WeeklyRefreshTests.nextWeek), next)
        #expect(r2.status == 0, "\(r2.stderr)")
        let rows = next.items
        #expect(rows.compactMap { $0["symbol"]?.stringValue } == ["ACME", "DELT"])
        #expect(rows.compactMap { $0["change_since_last_run"]?.stringValue } == ["grown", "new"])
        #expect(rows.first?["previous_insider_count"]?.integerValue == 3)
        #expect(r2.stderr.contains("dropped out: BETA"))
        #expect(next.problems == [])
    }

    @Test func aFailedRunEndsWithATerminalStatusMessageAndPushesNothing() async throws {
        let h = try Harness()
        h.openInsider.stop()
        let apify = try FakeApify()
        let r = try await run(h, apify)
        #expect(r.status == 1)
        #expect(apify.items.isEmpty && apify.charged.isEmpty)
        #expect(apify.statuses.last?["isStatusMessageTerminal"] == .bool(true))
        #expect(apify.statuses.last?["statusMessage"]?.stringValue?.hasPrefix("Failed: ") == true)
    }
}
