import NIOConcurrencyHelpers

/// A request's facts for the access log that are learned inside the middleware chain (the key
/// id), shared by reference because contexts travel inward by value.
public final class RequestNote: Sendable {
    private let box = NIOLockedValueBox("-")

    /// Creates an empty note.
    public init() {}

    /// The caller's key id, `-` when anonymous. Never the key.
    public var keyID: String {
        get { box.withLockedValue { $0 } }
        set { box.withLockedValue { $0 = newValue } }
    }
}
