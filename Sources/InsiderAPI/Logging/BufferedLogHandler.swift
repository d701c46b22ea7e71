import Foundation
import Logging
import NIOConcurrencyHelpers

/// Log lines gathered in memory and written to a file descriptor in batches: at most every
/// `interval`, or at once when 64 KiB are waiting. The API writes one access-log line per request;
/// a `write` call and a lock per line would cost a server answering thousands of requests a second
/// a large share of its time. A crash loses at most the last `interval` of lines; `flush()` on
/// shutdown loses none.
public final class BufferedLineWriter: Sendable {
    private let descriptor: Int32
    private let pending = NIOLockedValueBox([UInt8]())
    private let writing = NIOLock()
    private let stopped = NIOLockedValueBox(false)
    private static let threshold = 64 * 1024

    /// Writes to `descriptor` (standard error by default), flushing every `interval`.
    public init(descriptor: Int32 = 2, interval: Duration = .milliseconds(50)) {
        self.descriptor = descriptor
        let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        Thread.detachNewThread { [self] in
            while !stopped.withLockedValue({ $0 }) {
                Thread.sleep(forTimeInterval: seconds)
                flush()
            }
        }
    }

    /// Queues `line` (which ends with a newline).
    public func append(_ line: String) {
        let full = pending.withLockedValue { buffer -> Bool in
            buffer.append(contentsOf: line.utf8)
            return buffer.count >= Self.threshold
        }
        if full { flush() }
    }

    /// Writes everything queued so far.
    public func flush() {
        writing.withLock {
            let bytes = pending.withLockedValue { buffer -> [UInt8] in
                defer { buffer.removeAll(keepingCapacity: true) }
                return buffer
            }
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
                if n <= 0 { if errno == EINTR { continue }; return }
                offset += n
            }
        }
    }

    /// Writes what is queued and stops the timer.
    public func close() {
        stopped.withLockedValue { $0 = true }
        flush()
    }
}

/// A swift-log handler with `StreamLogHandler`'s line format (time, level, label, metadata,
/// message) whose lines go through a `BufferedLineWriter`.
public struct BufferedLogHandler: LogHandler {
    /// Metadata of this handler.
    public var metadata: Logger.Metadata = [:]
    /// The least severe level written.
    public var logLevel: Logger.Level = .info
    private let label: String
    private let writer: BufferedLineWriter

    /// A handler for `label` writing through `writer`.
    public init(label: String, writer: BufferedLineWriter) {
        self.label = label
        self.writer = writer
    }

    /// Metadata by key.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Formats the line and queues it.
    public func log(event: LogEvent) {
        let merged = event.metadata.map { metadata.merging($0) { _, new in new } } ?? metadata
        let rendered = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        writer.append("\(Self.timestamp()) \(event.level) \(label):\(rendered) \(event.message)\n")
    }

    /// `2026-12-03T15:04:05+0000`, as `StreamLogHandler` writes it.
    static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        var buffer = [Int8](repeating: 0, count: 32)
        let length = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &parts)
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
