import Foundation
import InsiderClusters
import Testing
import TradeStore

/// `api-key create | list | revoke`, run as a user would, against a store in a temporary folder.
@Suite(.serialized) struct APIKeyCLITests {
    @Test func createListRevoke() async throws {
        let dir = Paths.tempDir("keys")
        defer { try? FileManager.default.removeItem(at: dir) }
        let created = try await CLI.run(["api-key", "create", "--tier", "pro", "--name", "research", "--storage", dir.path])
        #expect(created.status == 0, "\(created.stderr)")
        let lines = created.stdout.split(separator: "\n").map(String.init)
        let key = try #require(lines.first)
        #expect(key.hasPrefix("ick_") && key.count == 68, "the key is alone on the first line")
        let id = try #require(lines.dropFirst().first?.split(separator: " ").dropFirst().first.map { String($0.dropLast()) })

        // The store holds the key's SHA-256, never the key.
        let store = try TradeStoreLocator.open(storageRoot: dir)
        let record = try #require(try await store.apiKey(hash: APIKeyHashForTest.sha256Hex(key)))
        #expect(record.id == id && record.tier == .pro && record.name == "research")

        let listed = try await CLI.run(["api-key", "list", "--storage", dir.path])
        #expect(listed.status == 0)
        #expect(listed.stdout.contains(id) && listed.stdout.contains("research") && listed.stdout.contains("pro") && listed.stdout.contains("never"))
        #expect(!listed.stdout.contains(key) && !listed.stdout.contains(record.hash))

        let revoked = try await CLI.run(["api-key", "revoke", id, "--storage", dir.path])
        #expect(revoked.status == 0)
        #expect(try await store.apiKey(hash: record.hash)?.isActive == false)
        #expect(try await CLI.run(["api-key", "revoke", "key_unknown", "--storage", dir.path]).status == 2)
    }

    @Test func badTierIsAUsageError() async throws {
        let dir = Paths.tempDir("keys")
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try await CLI.run(["api-key", "create", "--tier", "gold", "--storage", dir.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--tier") && result.stderr.contains("pro, free"))
        #expect(result.stdout.isEmpty)
    }
}

/// SHA-256 through the system's `sha256sum`, independent of the code under test.
enum APIKeyHashForTest {
    static func sha256Hex(_ text: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sha256sum"]
        let inp = Pipe(), out = Pipe()
        p.standardInput = inp
        p.standardOutput = out
        try p.run()
        inp.fileHandleForWriting.write(Data(text.utf8))
        try inp.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }
}
