import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import InsiderClusters
import InsiderCore
import Testing

/// `--record` writes a WARC 1.1 file of every exchange; `--replay` runs offline from it.
@Suite(.serialized) struct RecordReplayTests {
    static let demo = Paths.projectRoot.appendingPathComponent("Examples/demo-2026-04-30.warc.gz")

    /// The bytes of every dataset item file, in order: "byte-identical" means these.
    func itemBytes(_ storage: URL) throws -> [Data] {
        let dataset = LocalStorage(root: storage).dataset()
        return dataset.itemIndexes().map { FileManager.default.contents(atPath: dataset.dir.appendingPathComponent(Dataset.fileName(for: $0)).path) ?? Data() }
    }

    func records(_ file: URL) throws -> [WARCRecord] {
        try WARCRecord.parseAll(try Gzip.members(Array(try Data(contentsOf: file))).flatMap { $0 })
    }

    @Test func aRecordedRunReplaysToTheIdenticalDatasetWithTheServersStopped() async throws {
        let h = try Harness()
        let dir = Paths.tempDir("replay")
        let warc = dir.appendingPathComponent("run.warc.gz")
        let input = dir.appendingPathComponent("in.json")
        try Data(#"{"limit": 10}"#.utf8).write(to: input)
        let recorded = try await CLI.run(["run", "--input", input.path, "--storage", h.root.path, "--as-of", "2026-04-30", "--record", warc.path],
                                   env: h.environment)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let original = try itemBytes(h.root)
        #expect(original.count == 2)
        let served = h.openInsider.requests.count + h.sec.requests.count
        h.openInsider.stop()
        h.sec.stop()

        // The file: a warcinfo, then one request and one response per exchange, linked both ways.
        let all = try records(warc)
        #expect(all.first?.field("WARC-Type") == "warcinfo")
        let requests = all.filter { $0.field("WARC-Type") == "request" }
        let responses = all.filter { $0.field("WARC-Type") == "response" }
        #expect(requests.count == served && responses.count == served)
        for (req, res) in zip(requests, responses) {
            #expect(req.field("WARC-Concurrent-To") == res.field("WARC-Record-ID"))
            #expect(res.field("WARC-Concurrent-To") == req.field("WARC-Record-ID"))
            #expect(req.field("WARC-Target-URI") == res.field("WARC-Target-URI"))
            #expect(req.field("Content-Type") == "application/http;msgtype=request")
            #expect(res.field("Content-Type") == "application/http;msgtype=response")
            #expect(res.field("WARC-Date")?.hasSuffix("Z") == true)
        }
        // Every answer is kept with its status line, the test world's missing filing (a 404) too;
        // which filing is fetched first depends on scheduling, so look for a 200 among them.
        let filings = responses.filter { $0.field("WARC-Target-URI")?.contains("/Archives/") == true }
        #expect(filings.allSatisfy { String(decoding: $0.block.prefix(9), as: UTF8.self) == "HTTP/1.1 " })
        #expect(filings.contains { String(decoding: $0.block, as: UTF8.self).hasPrefix("HTTP/1.1 200 OK\r\n") })
        #expect(String(decoding: requests[0].block, as: UTF8.self).contains("User-Agent: insider-clusters/"))

        // Replay: no server, no source variables; the recording names the sources and the as-of date.
        let replayRoot = dir.appendingPathComponent("replayed")
        let replayed = try await CLI.run(["run", "--input", input.path, "--storage", replayRoot.path, "--replay", warc.path])
        #expect(replayed.status == 0, "\(replayed.stderr)")
        #expect(try itemBytes(replayRoot) == original)
        #expect(!original.isEmpty)
    }

    @Test func aReplayMissingOneFilingFailsNamingItsURL() async throws {
        let h = try Harness()
        let dir = Paths.tempDir("replay-miss")
        let warc = dir.appendingPathComponent("run.warc.gz")
        let recorded = try await CLI.run(["run", "--storage", h.root.path, "--as-of", "2026-04-30", "--record", warc.path], env: h.environment)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        var all = try records(warc)
        let dropped = try #require(all.first { $0.field("WARC-Type") == "response" && $0.field("WARC-Target-URI")?.contains("000000100126000003") == true }?
            .field("WARC-Target-URI"))
        all.removeAll { $0.field("WARC-Target-URI") == dropped }
        let cut = dir.appendingPathComponent("cut.warc.gz")
        try Data(try all.flatMap { try Gzip.member($0.bytes) }).write(to: cut)

        let storage = dir.appendingPathComponent("replayed")
        let r = try await CLI.run(["run", "--storage", storage.path, "--replay", cut.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("lacks \(dropped)"), "\(r.stderr)")
        #expect(try LocalStorage(root: storage).dataset().items().isEmpty)
    }

    @Test func credentialsAreNeverRecordedAndTheUserAgentIs() throws {
        var request = URLRequest(url: URL(string: "https://api.example.test/v2/items?x=1")!)
        request.setValue("Bearer s3cret", forHTTPHeaderField: "Authorization")
        request.setValue("s3cret", forHTTPHeaderField: "X-Api-Token")
        request.setValue("Acme ops@acme.example", forHTTPHeaderField: "User-Agent")
        let text = String(decoding: WARCRecorder.requestMessage(request), as: UTF8.self)
        #expect(text.hasPrefix("GET /v2/items?x=1 HTTP/1.1\r\nHost: api.example.test\r\n"))
        #expect(text.contains("User-Agent: Acme ops@acme.example\r\n"))
        #expect(!text.contains("s3cret"))
    }

    @Test func badRecordAndReplayOptionsExitTwoNamingTheOption() async throws {
        let dir = Paths.tempDir("replay-bad")
        let a = try await CLI.run(["run", "--storage", dir.path, "--record", dir.appendingPathComponent("x.warc").path])
        #expect(a.status == 2 && a.stderr.contains("--record"))
        let b = try await CLI.run(["run", "--storage", dir.path, "--replay", dir.appendingPathComponent("absent.warc.gz").path])
        #expect(b.status == 2 && b.stderr.contains("--replay: cannot read"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("datasets").path))
    }

    /// The README's first-screen demo: the committed recording replays on any machine.
    @Test func theCommittedDemoRecordingReplays() async throws {
        let storage = Paths.tempDir("demo")
        let r = try await CLI.run(["--replay", RecordReplayTests.demo.path, "--as-of", "2026-04-30", "--storage", storage.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("note: replay: every request was answered from"))
        #expect(try LocalStorage(root: storage).dataset().items().compactMap { $0["symbol"]?.stringValue } == ["BETA", "ACME"])
        #expect((try Data(contentsOf: RecordReplayTests.demo)).count < 200_000)
    }

    /// Regenerates the demo recording from the test world: `WRITE_DEMO_RECORDING=1 swift test --filter writeDemoRecording`
    /// (Examples/make-demo-recording.sh).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["WRITE_DEMO_RECORDING"] == "1"))
    func writeDemoRecording() async throws {
        let h = try Harness()
        let r = try await CLI.run(["run", "--storage", h.root.path, "--input", "-", "--as-of", "2026-04-30", "--record", RecordReplayTests.demo.path],
                            env: h.environment, stdin: "{}")
        #expect(r.status == 0, "\(r.stderr)")
    }
}
