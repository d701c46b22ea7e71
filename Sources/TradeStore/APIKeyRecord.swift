/// The tier of an API key.
public enum APITier: String, Sendable, Hashable, CaseIterable, Codable {
    /// Full bodies.
    case pro
    /// The preview envelope.
    case free
}

/// An API key as the store keeps it: never the key itself, only its SHA-256.
public struct APIKeyRecord: Sendable, Equatable {
    /// Short public id (shown in `api-key list` and in log lines instead of the key).
    public var id: String
    /// A name the owner chose.
    public var name: String?
    /// Tier.
    public var tier: APITier
    /// SHA-256 of the key, lower-case hex.
    public var hash: String
    /// Created, ISO 8601 UTC.
    public var createdAt: String
    /// Last used, ISO 8601 UTC.
    public var lastUsedAt: String?
    /// Revoked, ISO 8601 UTC.
    public var revokedAt: String?

    /// Creates a record.
    public init(id: String, name: String?, tier: APITier, hash: String, createdAt: String, lastUsedAt: String? = nil, revokedAt: String? = nil) {
        self.id = id; self.name = name; self.tier = tier; self.hash = hash; self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt; self.revokedAt = revokedAt
    }

    /// Whether the key may still be used.
    public var isActive: Bool { revokedAt == nil }
}
