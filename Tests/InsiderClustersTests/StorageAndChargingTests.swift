import Foundation
import InsiderCore
@testable import InsiderClusters
import Testing

struct SimulatedKill: Error {}

/// Counts checkpoints and throws at the chosen one, as a kill at that instant would stop the program.
final class KillSwitch: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    let at: Int?
    init(at: Int?) { self.at = at }
    var hits: Int { lock.withLock { count } }
    var points: CrashPoints {
        CrashPoints { _ in
            let n = self.lock.withLock { () -> Int in self.count += 1; return self.count }
            if n == self.at { throw SimulatedKill() }
        }
    }
}

func rows(_ symbols: [String]) -> [JSONValue] {
    symbols.map { .object([("symbol", .string($0)), ("insider_count", .number("3")), ("insider_names", .array([.string("A"), .string("B")]))]) }
}

/// One run of the write-and-charge stage, as `ClusterJob.run` performs it.
@discardableResult
func writeAndCharge(root: URL, rows: [JSONValue], limit: Int = 25, budget: Decimal? = nil, kill: KillSwitch = KillSwitch(at: nil),
                    fingerprint: String = "same-input", purge: Bool = true) throws -> RunLedger.Outcome {
    let storage = LocalStorage(root: root, crash: kill.points)
    let ledger = try RunLedger(storage: storage, inputFingerprint: fingerprint, purge: purge, inputKey: "INPUT", chargingLog: "charging-log")
    let charger = try Charger(pricing: .standard, maxTotalUSD: budget, log: storage.dataset("charging-log"), runKey: ledger.start.runKey)
    guard try charger.charge(Pricing.actorStart, key: ledger.startKey) else {
        try ledger.finish()
        return RunLedger.Outcome(written: 0, alreadyWritten: 0, stoppedByBudget: rows.count, recoveredCharges: 0, removedUnpaid: 0)
    }
    let outcome = try ledger.commit(rows: rows, limit: limit, charger: charger)
    try ledger.finish()
    return outcome
}

@Suite struct StorageTests {
    @Test func datasetLayoutAndMetadata() throws {
        let root = Paths.tempDir()
        let storage = LocalStorage(root: root)
        let ds = storage.dataset()
        try ds.create()
        try ds.push(.object([("symbol", .string("AAA"))]))
        try ds.push(.object([("symbol", .string("BBB"))]))
        let dir = root.appendingPathComponent("datasets/default")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == ["000000001.json", "000000002.json", "__metadata__.json"])
        #expect(try String(contentsOf: dir.appendingPathComponent("000000001.json"), encoding: .utf8) == "{\n  \"symbol\": \"AAA\"\n}\n")
        let meta = try JSONValue.parse(Array(try Data(contentsOf: dir.appendingPathComponent("__metadata__.json"))))
        #expect(meta.objectValue?.map(\.0) == ["id", "name", "createdAt", "accessedAt", "modifiedAt", "itemCount"])
        #expect(meta["name"] == .null)
        #expect(meta["itemCount"]?.integerValue == 2)
        #expect(meta["id"]?.stringValue?.count == 17)
        #expect(meta["createdAt"]?.stringValue?.hasSuffix("Z") == true)
        let named = storage.dataset("charging-log")
        try named.create()
        #expect(try JSONValue.parse(Array(try Data(contentsOf: named.dir.appendingPathComponent("__metadata__.json"))))["name"]?.stringValue == "charging-log")
        #expect(Dataset.fileName(for: 123) == "000000123.json")
    }

    @Test func purgeKeepsTheInputRecordAndNamedStores() throws {
        let root = Paths.tempDir()
        let storage = LocalStorage(root: root)
        try storage.keyValueStore().set("INPUT", Data("{}".utf8))
        try storage.keyValueStore().set("OUTPUT", Data("{}".utf8))
        try storage.keyValueStore("edgar-filings").set("x", Data("<x/>".utf8), fileExtension: "xml")
        try storage.dataset().push(.object([]))
        try storage.dataset("charging-log").push(.object([]))
        try storage.purgeDefaultStorages(inputKey: "INPUT", chargingLog: "charging-log")
        #expect(storage.keyValueStore().get("INPUT") != nil)
        #expect(storage.keyValueStore().get("OUTPUT") == nil)
        #expect(storage.keyValueStore("edgar-filings").get("x", fileExtension: "xml") != nil)
        #expect(storage.dataset().itemCount == 0)
        #expect(storage.dataset("charging-log").itemCount == 0)
    }

    @Test func aWriteInterruptedBeforeRenameLeavesNoItem() throws {
        let root = Paths.tempDir()
        let kill = KillSwitch(at: 1)   // after the temporary file, before the rename
        let ds = LocalStorage(root: root, crash: kill.points).dataset()
        #expect(throws: SimulatedKill.self) { try ds.push(.object([("symbol", .string("AAA"))])) }
        #expect(ds.itemCount == 0)
        try LocalStorage(root: root).dataset().create()   // a restart sweeps the temporary file
        let left = try FileManager.default.contentsOfDirectory(atPath: ds.dir.path)
        #expect(!left.contains { $0.hasPrefix(".tmp-") })
    }
}

@Suite struct ChargingTests {
    func log(_ root: URL) throws -> [JSONValue] { try LocalStorage(root: root).dataset("charging-log").items() }
    func symbols(_ root: URL) throws -> [String] { try LocalStorage(root: root).dataset().items().compactMap { $0["symbol"]?.stringValue } }

    @Test func withoutBudgetEveryRowIsChargedOnce() throws {
        let root = Paths.tempDir()
        let outcome = try writeAndCharge(root: root, rows: rows(["AAA", "BBB", "CCC"]))
        #expect(outcome.written == 3)
        let entries = try log(root)
        #expect(entries.map { $0["eventName"]?.stringValue } == ["actor-start", "cluster-record", "cluster-record", "cluster-record"])
        #expect(entries[0].objectValue?.prefix(5).map(\.0) == ["eventName", "eventTitle", "eventPriceUsd", "chargedCount", "timestamp"])
        #expect(entries[0]["eventPriceUsd"]?.doubleValue == 0.01 && entries[1]["eventPriceUsd"]?.doubleValue == 0.25)
        #expect(entries[1]["eventTitle"]?.stringValue == "Cluster record")
        #expect(entries.allSatisfy { $0["chargedCount"]?.integerValue == 1 })
        #expect(try symbols(root) == ["AAA", "BBB", "CCC"])
    }

    @Test(arguments: [
        ("0", 0, false), ("0.01", 0, true), ("0.25", 0, true), ("0.26", 1, true), ("0.50", 1, true), ("0.51", 2, true), ("100", 4, true),
    ] as [(String, Int, Bool)])
    func budgetPaysActorStartThenRowsInOrder(budget: String, expectedRows: Int, startCharged: Bool) throws {
        let root = Paths.tempDir()
        let outcome = try writeAndCharge(root: root, rows: rows(["AAA", "BBB", "CCC", "DDD"]), budget: Decimal(string: budget))
        #expect(try symbols(root) == Array(["AAA", "BBB", "CCC", "DDD"].prefix(expectedRows)))
        #expect(outcome.stoppedByBudget == 4 - expectedRows)
        let entries = try log(root)
        #expect(entries.count == (startCharged ? 1 : 0) + expectedRows)
        let spent = entries.reduce(Decimal(0)) { $0 + (Decimal(string: $1["eventPriceUsd"]?.compactText ?? "0") ?? 0) }
        #expect(spent <= Decimal(string: budget)!)
    }

    @Test func limitCapsRows() throws {
        let root = Paths.tempDir()
        #expect(try writeAndCharge(root: root, rows: rows(["AAA", "BBB", "CCC"]), limit: 2).written == 2)
    }

    @Test func pricingOverrideFromThePlatformJSON() throws {
        let env = ["APIFY_ACTOR_PRICING_INFO": #"{"pricingModel":"PAY_PER_EVENT","pricingPerEvent":{"actorChargeEvents":{"actor-start":{"eventTitle":"Start","eventPriceUsd":"0.05"},"cluster-record":{"eventTitle":"Row","eventPriceUsd":1.5}}},"minimalMaxTotalChargeUsd":null}"#]
        let pricing = try Pricing.fromEnvironment(env)
        #expect(pricing.events["actor-start"]?.priceUSD == Decimal(string: "0.05"))
        #expect(pricing.events["cluster-record"]?.priceUSD == Decimal(string: "1.5"))
        #expect(pricing.events["cluster-record"]?.title == "Row")
        #expect(try Pricing.fromEnvironment([:]) == .standard)
        #expect(try Pricing.fromEnvironment(["APIFY_ACTOR_PRICING_INFO": ""]) == .standard)
        #expect(throws: ConfigurationError.self) { try Pricing.fromEnvironment(["APIFY_ACTOR_PRICING_INFO": "{nope"]) }
    }

    @Test func budgetEnvironment() throws {
        #expect(try Charger.budget(from: [:]) == nil)
        #expect(try Charger.budget(from: ["ACTOR_MAX_TOTAL_CHARGE_USD": ""]) == nil)
        #expect(try Charger.budget(from: ["ACTOR_MAX_TOTAL_CHARGE_USD": "0"]) == 0)
        #expect(try Charger.budget(from: ["ACTOR_MAX_TOTAL_CHARGE_USD": "1.26"]) == Decimal(string: "1.26"))
        #expect(throws: ConfigurationError.self) { try Charger.budget(from: ["ACTOR_MAX_TOTAL_CHARGE_USD": "lots"]) }
        #expect(try Charger.alreadyCharged(from: ["APIFY_CHARGED_ACTOR_EVENT_COUNTS": #"{"actor-start": 1, "cluster-record": 2}"#]) == ["actor-start": 1, "cluster-record": 2])
    }

    @Test func eventsChargedBeforeAMigrationCountAgainstTheBudget() throws {
        let root = Paths.tempDir()
        let storage = LocalStorage(root: root)
        let charger = try Charger(pricing: .standard, maxTotalUSD: Decimal(string: "0.76"), alreadyCharged: ["cluster-record": 2],
                                  log: storage.dataset("charging-log"), runKey: "r")
        #expect(try charger.charge("actor-start", key: "r/actor-start"))
        #expect(try charger.charge("cluster-record", key: "r/cluster-record/1"))   // 0.50 + 0.01 + 0.25 = 0.76
        #expect(try !charger.charge("cluster-record", key: "r/cluster-record/2"))
    }

    /// The kill-and-re-run guarantee: stop the program at every checkpoint of an uninterrupted
    /// run, re-run the same input, and check that rows and charges match one to one.
    @Test(arguments: [nil, Decimal(string: "0.51")!] as [Decimal?])
    func killAtEveryStepThenRerun(budget: Decimal?) throws {
        let symbols = ["AAA", "BBB", "CCC"]
        let expected = budget == nil ? symbols : ["AAA", "BBB"]
        let probe = KillSwitch(at: nil)
        try writeAndCharge(root: Paths.tempDir(), rows: rows(symbols), budget: budget, kill: probe)
        let steps = probe.hits
        #expect(steps > 10)
        for k in 1...steps {
            let root = Paths.tempDir()
            try LocalStorage(root: root).keyValueStore().set("INPUT", Data("{}".utf8))
            #expect(throws: SimulatedKill.self) { try writeAndCharge(root: root, rows: rows(symbols), budget: budget, kill: KillSwitch(at: k)) }
            try writeAndCharge(root: root, rows: rows(symbols), budget: budget)
            let written = try self.symbols(root)
            #expect(written == expected, "killed at step \(k): rows \(written)")
            let entries = try log(root)
            let starts = entries.filter { $0["eventName"]?.stringValue == "actor-start" }
            let records = entries.filter { $0["eventName"]?.stringValue == "cluster-record" }
            #expect(starts.count == 1, "killed at step \(k): \(starts.count) actor-start charges")
            #expect(records.count == written.count, "killed at step \(k): \(records.count) charges for \(written.count) rows")
            let keys = entries.compactMap { $0["idempotencyKey"]?.stringValue }
            #expect(Set(keys).count == keys.count, "killed at step \(k): a key charged twice")
            let indexes = LocalStorage(root: root).dataset().itemIndexes()
            for i in indexes { #expect(keys.contains { $0.hasSuffix("/cluster-record/\(i)") }, "killed at step \(k): row \(i) has no charge") }
            #expect(LocalStorage(root: root).keyValueStore().get("INPUT") != nil)
            let meta = try JSONValue.parse(Array(try Data(contentsOf: root.appendingPathComponent("datasets/default/__metadata__.json"))))
            #expect(meta["itemCount"]?.integerValue == Int64(written.count))
        }
    }

    @Test func aFinishedRunIsNotResumed() throws {
        let root = Paths.tempDir()
        try writeAndCharge(root: root, rows: rows(["AAA"]))
        try writeAndCharge(root: root, rows: rows(["BBB"]))
        #expect(try symbols(root) == ["BBB"])   // a fresh run purges
        #expect(try log(root).count == 2)
    }

    @Test func noPurgeAppendsAndKeepsEarlierCharges() throws {
        let root = Paths.tempDir()
        try writeAndCharge(root: root, rows: rows(["AAA"]))
        try writeAndCharge(root: root, rows: rows(["BBB"]), budget: Decimal(string: "0.26"), purge: false)
        #expect(try symbols(root) == ["AAA", "BBB"])
        #expect(try log(root).count == 4)
    }
}

@Suite struct ExportTests {
    let items: [JSONValue] = [
        .object([("extra_b", .number("1")), ("symbol", .string("AAA")), ("insider_names", .array([.string("Doe, Jane"), .string("Roe \"R\"")])),
                 ("total_value_usd", .number("50000")), ("sector", .null), ("is_all_buy", .bool(true)),
                 ("edgar", .object([("checked", .number("2"))])), ("insiders", .array([.object([("name", .string("Doe"))])]))]),
        .object([("symbol", .string("BBB")), ("company_name", .string("Line\nBreak Inc")), ("extra_a", .string("x"))]),
    ]

    @Test func csvRoundTripsWithSpecColumnsFirst() {
        let text = DatasetExport.render(items, as: .csv)
        #expect(text.hasPrefix("symbol,company_name,sector,insider_names,total_value_usd,is_all_buy,insiders,edgar,extra_b,extra_a\r\n"))
        let parsed = DatasetExport.parseCSV(text)
        #expect(parsed.count == 3)
        #expect(parsed[1] == ["AAA", "", "", "Doe, Jane; Roe \"R\"", "50000", "true", #"[{"name":"Doe"}]"#, #"{"checked":2}"#, "1", ""])
        #expect(parsed[2][1] == "Line\nBreak Inc")
        #expect(parsed.allSatisfy { $0.count == parsed[0].count })
    }

    @Test func jsonAndJSONLRoundTrip() throws {
        let json = try JSONValue.parse(DatasetExport.render(items, as: .json))
        #expect(json == .array(items))
        let lines = DatasetExport.render(items, as: .jsonl).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(try lines.map { try JSONValue.parse(String($0)) } == items)
    }

    @Test func formatFromExtension() {
        #expect(ExportFormat(fileName: "a.csv") == .csv)
        #expect(ExportFormat(fileName: "a.JSONL") == .jsonl)
        #expect(ExportFormat(fileName: "a.json") == .json)
        #expect(ExportFormat(fileName: "a.txt") == nil)
    }
}
