import Foundation
import InsiderClusters

/// Where the project and the shared fixtures are, found from this file's path.
enum Paths {
    static let projectRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = projectRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures")
    /// True when ../shared/fixtures exists; fixture tests skip otherwise.
    static let fixturesAvailable = FileManager.default.fileExists(atPath: fixtures.path)
    static let skipMessage: Comment = "../shared/fixtures not found: skipping tests that serve real captured pages and filings"

    static func fixture(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixtures.appendingPathComponent(relative)))
    }

    static func schema() throws -> InputSchema {
        try InputSchema(bytes: Array(try Data(contentsOf: projectRoot.appendingPathComponent("input_schema.json"))))
    }

    /// A fresh, empty folder under the system temporary directory.
    static func tempDir(_ label: String = "ic") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

import Testing
typealias Comment = Testing.Comment
