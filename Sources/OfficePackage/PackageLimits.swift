/// Bounds that protect against zip bombs and absurd inputs.
public struct PackageLimits: Sendable {
    /// Largest total uncompressed size of all entries.
    public var maxTotalBytes: UInt64
    /// Largest number of entries.
    public var maxEntries: Int

    public init(maxTotalBytes: UInt64 = 512 * 1024 * 1024, maxEntries: Int = 20_000) {
        self.maxTotalBytes = maxTotalBytes
        self.maxEntries = maxEntries
    }

    public static let `default` = PackageLimits()
}
