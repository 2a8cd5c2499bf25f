import OfficePackage

/// Bounds on what a workbook may make the reader do, so a hostile or absurd file fails quickly
/// with a message instead of taking the machine's memory. The defaults leave room for twice the
/// largest real score table: every local organisation of Thailand (about 7,850), 16 columns each,
/// is about 125,000 cells and 4 MB of sheet XML.
public struct SpreadsheetLimits: Sendable {
    /// Bounds on the zip itself (entries, total unpacked size).
    public var package: PackageLimits
    /// Largest unpacked part read (a worksheet, the shared strings, the workbook).
    public var maxPartBytes: UInt64
    /// Largest XML given to the XML parser once empty cells are left out.
    public var maxParsedBytes: Int
    /// Rightmost column (1-based) that may hold a value.
    public var maxColumns: Int
    /// Most cells kept (the sum of each row's width up to its last value).
    public var maxCells: Int

    public init(package: PackageLimits = PackageLimits(maxTotalBytes: 256 * 1024 * 1024, maxEntries: 10_000),
                maxPartBytes: UInt64 = 128 * 1024 * 1024, maxParsedBytes: Int = 8 * 1024 * 1024,
                maxColumns: Int = 256, maxCells: Int = 250_000) {
        self.package = package
        self.maxPartBytes = maxPartBytes
        self.maxParsedBytes = maxParsedBytes
        self.maxColumns = maxColumns
        self.maxCells = maxCells
    }

    public static let `default` = SpreadsheetLimits()
}
