/// Bounds that protect against zip bombs and absurd inputs.
public struct PackageLimits: Sendable {
    /// Largest total uncompressed size of all entries.
    public var maxTotalBytes: UInt64
    /// Largest number of entries.
    public var maxEntries: Int
    /// Largest package file read from disk (it is held in memory, and copied once for libzip).
    public var maxFileBytes: UInt64

    public init(maxTotalBytes: UInt64 = 512 * 1024 * 1024, maxEntries: Int = 20_000, maxFileBytes: UInt64 = 128 * 1024 * 1024) {
        self.maxTotalBytes = maxTotalBytes
        self.maxEntries = maxEntries
        self.maxFileBytes = maxFileBytes
    }

    public static let `default` = PackageLimits()
}
