import Foundation

/// A configuration value that cannot be used.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    /// What is wrong.
    public var description: String
    /// Creates the error.
    public init(_ d: String) { description = d }
}
