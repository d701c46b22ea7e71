import Foundation
import InsiderCore

/// A point between two storage steps where a test may stop the program, as a kill would.
///
/// Production code passes `.none`; the kill-and-re-run tests pass a closure that throws at the
/// n-th checkpoint, leaving on disk exactly what a kill at that instant would leave.
public struct CrashPoints: Sendable {
    let hit: @Sendable (String) throws -> Void
    /// Stops nowhere.
    public static let none = CrashPoints { _ in }
    /// Calls `hit` with the step's name at every checkpoint.
    public init(_ hit: @escaping @Sendable (String) throws -> Void) { self.hit = hit }
    func check(_ step: String) throws { try hit(step) }
}

/// Writes files so that a reader (or a crash) sees the old content or the new one, never half.
enum AtomicFile {
    static func write(_ data: Data, to url: URL, crash: CrashPoints = .none) throws {
        let dir = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let temp = dir.appendingPathComponent(".tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))-\(url.lastPathComponent)")
        guard FileManager.default.createFile(atPath: temp.path, contents: data) else {
            throw StorageError("cannot write \(temp.path)")
        }
        try crash.check("temp:\(url.lastPathComponent)")
        guard rename(temp.path, url.path) == 0 else {
            let why = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temp)
            throw StorageError("cannot rename \(temp.path) to \(url.path): \(why)")
        }
        try crash.check("renamed:\(url.lastPathComponent)")
    }

    /// Leftovers of writes a crash interrupted.
    static func removeTemporaries(in dir: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return }
        for name in names where name.hasPrefix(".tmp-") {
            try? FileManager.default.removeItem(at: dir.appendingPathComponent(name))
        }
    }
}

/// A storage failure (disk full, permissions, a corrupt item).
public struct StorageError: Error, CustomStringConvertible, Sendable {
    /// What failed.
    public var description: String
    init(_ d: String) { description = d }
}

/// Local storage in the Apify layout (DOMAIN.md section 3.2):
/// `datasets/<name>/000000001.json`, `key_value_stores/<name>/<KEY>.json`, each with `__metadata__.json`.
public struct LocalStorage: Sendable {
    /// The storage root (`./storage` unless `--storage`, `APIFY_LOCAL_STORAGE_DIR` or `CRAWLEE_STORAGE_DIR`).
    public let root: URL
    /// Where tests stop the program.
    public let crash: CrashPoints

    /// Opens (without creating) the storage at `root`.
    public init(root: URL, crash: CrashPoints = .none) {
        self.root = root
        self.crash = crash
    }

    /// A dataset by name; `default` is the run's default dataset.
    public func dataset(_ name: String = "default") -> Dataset {
        Dataset(dir: root.appendingPathComponent("datasets").appendingPathComponent(name), name: name, crash: crash)
    }

    /// A key-value store by name.
    public func keyValueStore(_ name: String = "default") -> KeyValueStore {
        KeyValueStore(dir: root.appendingPathComponent("key_value_stores").appendingPathComponent(name), name: name, crash: crash)
    }

    /// Empties the default dataset, the default request queue, the charging log and the default
    /// key-value store except the input record, as the Apify SDKs do at the start of a local run.
    /// Named datasets and stores (such as the filing cache) are kept.
    public func purgeDefaultStorages(inputKey: String, chargingLog: String) throws {
        let fm = FileManager.default
        for dir in [dataset().dir, dataset(chargingLog).dir,
                    root.appendingPathComponent("request_queues").appendingPathComponent("default")]
        where fm.fileExists(atPath: dir.path) {
            try fm.removeItem(at: dir)
        }
        let store = keyValueStore()
        if let names = try? fm.contentsOfDirectory(atPath: store.dir.path) {
            for name in names {
                if KeyValueStore.isRecord(name, of: inputKey) { continue }
                try fm.removeItem(at: store.dir.appendingPathComponent(name))
            }
        }
    }
}

/// Apify-style metadata timestamps: ISO 8601, UTC, milliseconds.
func isoTimestamp(_ date: Date = Date()) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    f.timeZone = TimeZone(identifier: "UTC")
    return f.string(from: date)
}

/// A random storage id in the platform's style (17 alphanumerics).
func randomStorageID() -> String {
    let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    return String((0..<17).map { _ in alphabet[Int.random(in: 0..<alphabet.count)] })
}

/// A dataset folder: one JSON object per file, numbered from 1 with 9 digits.
public struct Dataset: Sendable {
    /// The folder.
    public let dir: URL
    /// The dataset's name (`default` for the default dataset).
    public let name: String
    let crash: CrashPoints

    /// `000000001.json` for 1.
    public static func fileName(for index: Int) -> String {
        let s = String(index)
        return String(repeating: "0", count: max(0, 9 - s.count)) + s + ".json"
    }

    /// The item numbers present, ascending.
    public func itemIndexes() -> [Int] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return names.compactMap { name -> Int? in
            guard name.hasSuffix(".json"), !name.hasPrefix("."), !name.hasPrefix("__") else { return nil }
            let stem = name.dropLast(5)
            guard stem.count == 9, stem.allSatisfy(\.isNumber) else { return nil }
            return Int(stem)
        }.sorted()
    }

    /// Number of items on disk.
    public var itemCount: Int { itemIndexes().count }

    /// Reads every item in numeric order.
    public func items() throws -> [JSONValue] {
        try itemIndexes().map { try item(at: $0) }
    }

    /// Reads item `index`.
    public func item(at index: Int) throws -> JSONValue {
        let url = dir.appendingPathComponent(Dataset.fileName(for: index))
        let data = try Data(contentsOf: url)
        do { return try JSONValue.parse(Array(data)) } catch {
            throw StorageError("\(url.path): \(error)")
        }
    }

    /// Appends one item after the last one; returns its number.
    @discardableResult
    public func push(_ item: JSONValue) throws -> Int {
        let index = (itemIndexes().last ?? 0) + 1
        try write(item, at: index)
        return index
    }

    /// Writes item `index` atomically and refreshes the metadata.
    public func write(_ item: JSONValue, at index: Int) throws {
        try AtomicFile.write(Data((item.prettyText + "\n").utf8), to: dir.appendingPathComponent(Dataset.fileName(for: index)), crash: crash)
        try writeMetadata()
    }

    /// Removes item `index` (recovery only).
    public func remove(at index: Int) throws {
        try FileManager.default.removeItem(at: dir.appendingPathComponent(Dataset.fileName(for: index)))
        try writeMetadata()
    }

    /// Creates the folder and its metadata when missing.
    public func create() throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        AtomicFile.removeTemporaries(in: dir)
        try writeMetadata()
    }

    /// `__metadata__.json`: `{"id","name","createdAt","accessedAt","modifiedAt","itemCount"}`; `name` is null for the default dataset.
    public func writeMetadata() throws {
        let url = dir.appendingPathComponent("__metadata__.json")
        let old = (try? Data(contentsOf: url)).flatMap { try? JSONValue.parse(Array($0)) }
        let now = isoTimestamp()
        let meta: JSONValue = .object([
            ("id", .string(old?["id"]?.stringValue ?? randomStorageID())),
            ("name", name == "default" ? .null : .string(name)),
            ("createdAt", .string(old?["createdAt"]?.stringValue ?? now)),
            ("accessedAt", .string(now)),
            ("modifiedAt", .string(now)),
            ("itemCount", .number(String(itemCount))),
        ])
        try AtomicFile.write(Data((meta.prettyText + "\n").utf8), to: url, crash: crash)
    }
}

/// A key-value store folder: JS-style `<KEY>.<ext>` records plus `__metadata__.json`.
public struct KeyValueStore: Sendable {
    /// The folder.
    public let dir: URL
    /// The store's name.
    public let name: String
    let crash: CrashPoints

    /// Reads the record `key` stored as `<key>.json` (or `<key>` with no extension); nil when absent
    /// or unreadable (a cache miss). Use `read` where an unreadable record is an error.
    public func get(_ key: String, fileExtension: String = "json") -> Data? {
        (try? read(key, fileExtension: fileExtension)) ?? nil
    }

    /// Reads the record `key`: nil when there is none; throws, naming the file, when it exists but
    /// cannot be read.
    public func read(_ key: String, fileExtension: String = "json") throws -> Data? {
        let fm = FileManager.default
        for candidate in [dir.appendingPathComponent("\(key).\(fileExtension)"), dir.appendingPathComponent(key)]
        where fm.fileExists(atPath: candidate.path) {
            do { return try Data(contentsOf: candidate) } catch {
                throw StorageError("cannot read \(candidate.path): \(error.localizedDescription)")
            }
        }
        return nil
    }

    /// Writes the record `key` atomically.
    public func set(_ key: String, _ data: Data, fileExtension: String = "json") throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try AtomicFile.write(data, to: dir.appendingPathComponent("\(key).\(fileExtension)"), crash: crash)
        try writeMetadataIfMissing()
    }

    /// Whether the file `name` holds the record `key`: `<key>` or `<key>.<ext>`, whatever dots the
    /// key itself holds (`my.input.json` is the record `my.input`).
    static func isRecord(_ name: String, of key: String) -> Bool {
        if name == key { return true }
        guard name.hasPrefix(key + ".") else { return false }
        return !name.dropFirst(key.count + 1).contains(".")
    }

    func writeMetadataIfMissing() throws {
        let url = dir.appendingPathComponent("__metadata__.json")
        guard !FileManager.default.fileExists(atPath: url.path) else { return }
        let now = isoTimestamp()
        let meta: JSONValue = .object([
            ("id", .string(randomStorageID())), ("name", name == "default" ? .null : .string(name)),
            ("createdAt", .string(now)), ("accessedAt", .string(now)), ("modifiedAt", .string(now)),
        ])
        try AtomicFile.write(Data((meta.prettyText + "\n").utf8), to: url)
    }
}
