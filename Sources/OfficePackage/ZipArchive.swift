import Foundation

/// A zip file read into memory for its parts, whatever it holds (a workbook, a package of any
/// family): the same entry checks as `OfficePackage` (entry count, total unpacked size, no absolute
/// or `..` names), without asking for a Word or OpenDocument text file. Parts are read on demand,
/// each with its own size bound.
public final class ZipArchive: Sendable {
    /// Where the file came from, for messages.
    public let path: String
    public let bytes: Data
    /// Entries in stored order.
    public let entries: [OfficePackage.Entry]
    private let byName: [String: Int]

    /// Reads the zip at `url` and checks its entries against `limits`.
    public convenience init(contentsOf url: URL, limits: PackageLimits = .default) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw PackageError.cannotOpen(path: url.path, reason: (error as NSError).localizedDescription)
        }
        try self.init(data: data, path: url.path, limits: limits)
    }

    /// Reads a zip from memory; `path` names it in messages.
    public init(data: Data, path: String, limits: PackageLimits = .default) throws {
        self.path = path
        self.bytes = data
        let archive = try ZipReader(data: data, path: path)
        let count = archive.count
        if count > limits.maxEntries { throw PackageError.tooManyEntries(path: path, count: count, limit: limits.maxEntries) }
        var entries: [OfficePackage.Entry] = []
        var total: UInt64 = 0
        for i in 0..<UInt64(count) {
            let e = try archive.stat(i)
            if OfficePackage.isUnsafe(e.name) { throw PackageError.unsafeEntryName(path: path, entry: e.name) }
            total &+= e.size
            if total > limits.maxTotalBytes { throw PackageError.tooLarge(path: path, bytes: total, limit: limits.maxTotalBytes) }
            entries.append(e)
        }
        self.entries = entries
        var map: [String: Int] = [:]
        for (i, e) in entries.enumerated() { map[e.name] = i }
        byName = map
    }

    /// Names of all entries, in stored order.
    public var partNames: [String] { entries.map(\.name) }

    /// True when the zip has an entry with this name.
    public func contains(_ name: String) -> Bool { byName[name] != nil }

    /// The unpacked size of a part as the zip declares it; nil when there is no such part.
    public func size(of name: String) -> UInt64? { byName[name].map { entries[$0].size } }

    /// The uncompressed bytes of a part.
    public func read(_ name: String) throws -> Data {
        guard let i = byName[name] else { throw PackageError.missingPart(path: path, part: name) }
        let archive = try ZipReader(data: bytes, path: path)
        return try archive.read(entries[i].index, size: entries[i].size, name: name)
    }
}
