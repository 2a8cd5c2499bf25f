import CLibZip
import CZlib
import Foundation
import OfficeXML

/// An office file (DOCX or ODT) read into memory once. Parts are read on demand; writing a new
/// package copies untouched parts raw (no re-compression) and deflates changed ones. Every read and
/// write opens its own libzip handle on the immutable bytes, so one package serves many threads.
public final class OfficePackage: Sendable {
    /// One entry of the zip.
    public struct Entry: Sendable {
        public let index: UInt64
        public let name: String
        public let size: UInt64
        public let compressedSize: UInt64
        public let method: Int32
        public let mtime: time_t
        /// The CRC-32 of the uncompressed bytes, as the archive records it.
        public let crc: UInt32
    }

    /// Where the package came from (used in messages and to refuse overwriting it).
    public let path: String
    /// The bytes of the file as read.
    public let bytes: Data
    /// Entries in the order they are stored.
    public let entries: [Entry]
    /// DOCX or ODT.
    public let kind: PackageKind
    private let byName: [String: Int]
    /// Archives opened on `bytes` for writes to copy raw parts from, kept for the next write: opening one
    /// reads the central directory again. A write takes one for itself (libzip handles are not shared).
    private let readers = ReaderPool()

    /// Reads the file at `url` and checks its entries against `limits`.
    public convenience init(contentsOf url: URL, limits: PackageLimits = .default) throws {
        // Looked at before it is opened: a folder, a pipe (opening it would wait for a writer) or a
        // device is not read, nor a file past the limit (a gigabyte would be held twice in memory).
        var info = stat()
        if stat(url.path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFREG else {
                throw PackageError.cannotOpen(path: url.path, reason: "it is not a regular file")
            }
            if UInt64(info.st_size) > limits.maxFileBytes {
                throw PackageError.fileTooLarge(path: url.path, bytes: UInt64(info.st_size), limit: limits.maxFileBytes)
            }
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw PackageError.cannotOpen(path: url.path, reason: (error as NSError).localizedDescription)
        }
        try self.init(data: data, path: url.path, limits: limits)
    }

    /// Reads a package from memory; `path` names it in messages.
    public init(data: Data, path: String, limits: PackageLimits = .default) throws {
        self.path = path
        self.bytes = data
        if UInt64(data.count) > limits.maxFileBytes {
            throw PackageError.fileTooLarge(path: path, bytes: UInt64(data.count), limit: limits.maxFileBytes)
        }
        let archive = try ZipReader(data: data, path: path)
        var entries: [Entry] = []
        var total: UInt64 = 0
        let count = archive.count
        if count > limits.maxEntries { throw PackageError.tooManyEntries(path: path, count: count, limit: limits.maxEntries) }
        for i in 0..<UInt64(count) {
            let e = try archive.stat(i)
            if Self.isUnsafe(e.name) { throw PackageError.unsafeEntryName(path: path, entry: e.name) }
            total &+= e.size
            if total > limits.maxTotalBytes { throw PackageError.tooLarge(path: path, bytes: total, limit: limits.maxTotalBytes) }
            entries.append(e)
        }
        self.entries = entries
        var map: [String: Int] = [:]
        for (i, e) in entries.enumerated() { map[e.name] = i }
        self.byName = map
        if map["[Content_Types].xml"] != nil && map["word/document.xml"] != nil {
            kind = .docx
        } else if let m = map["mimetype"] {
            let mime = String(decoding: try archive.read(entries[m].index, size: entries[m].size, name: "mimetype"), as: UTF8.self)
            guard mime.hasPrefix("application/vnd.oasis.opendocument.text") else { throw PackageError.notAnOfficePackage(path: path) }
            kind = .odt
        } else {
            throw PackageError.notAnOfficePackage(path: path)
        }
    }

    static func isUnsafe(_ name: String) -> Bool {
        if name.hasPrefix("/") || name.hasPrefix("\\") || name.contains("\\") { return true }
        if name.count >= 2, name.dropFirst().first == ":" { return true }
        return name.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }

    /// Names of all entries, in stored order.
    public var partNames: [String] { entries.map(\.name) }

    /// True when the package has a part with this name.
    public func contains(_ name: String) -> Bool { byName[name] != nil }

    /// The uncompressed bytes of a part.
    public func read(_ name: String) throws -> Data {
        guard let i = byName[name] else { throw PackageError.missingPart(path: path, part: name) }
        let archive = try ZipReader(data: bytes, path: path)
        return try archive.read(entries[i].index, size: entries[i].size, name: name, crc: entries[i].crc)
    }

    /// Writes a new package to `url` with `changes` applied, atomically (temporary file, then rename).
    /// Untouched parts are copied without re-compression; ODF's `mimetype` stays first and stored.
    public func write(to url: URL, changes: PackageChanges) throws {
        let dest = url.standardizedFileURL
        if dest.resolvingSymlinksInPath().path == URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path {
            throw PackageError.wouldOverwriteSource(path: dest.path)
        }
        for name in changes.replaced.keys where Self.isUnsafe(name) { throw PackageError.unsafeEntryName(path: dest.path, entry: name) }
        for (name, _) in changes.added where Self.isUnsafe(name) { throw PackageError.unsafeEntryName(path: dest.path, entry: name) }
        let dir = dest.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw PackageError.writeFailed(path: dest.path, reason: "the folder \(dir.path) does not exist")
        }
        var order = entries.filter { !changes.removed.contains($0.name) }
        if order.isEmpty && changes.added.isEmpty && changes.replaced.isEmpty {
            throw PackageError.writeFailed(path: dest.path, reason: "the document would have no parts")
        }
        if let m = order.firstIndex(where: { $0.name == "mimetype" }), m != 0 {
            order.insert(order.remove(at: m), at: 0)
        }

        let source = try readers.take() ?? ZipReader(data: bytes, path: path)
        // libzip writes the archive to a temporary file beside `dest` and renames it over `dest` when it
        // closes: a failed write leaves no file behind and an existing output as it was.
        let writer = try ZipWriter(path: dest.path)
        do {
            var written = Set<String>()
            for e in order {
                if let data = changes.replaced[e.name] {
                    // A part the fill left as it was (a footer whose tags write what the template has) is
                    // copied as it is stored rather than deflated again.
                    if e.name != "mimetype", UInt64(data.count) == e.size, Self.crc(data) == e.crc {
                        try writer.addRaw(from: source, entry: e)
                    } else {
                        try writer.add(name: e.name, data: data, store: e.name == "mimetype" || Self.isCompressedMedia(e.name), mtime: e.mtime)
                    }
                } else if e.name == "mimetype" && e.method != ZIP_CM_STORE {
                    // ODF readers look for the media type stored uncompressed at the start of the file.
                    try writer.add(name: e.name, data: source.read(e.index, size: e.size, name: e.name), store: true, mtime: e.mtime)
                } else {
                    try writer.addRaw(from: source, entry: e)
                }
                written.insert(e.name)
            }
            for (name, data) in changes.added where !written.contains(name) {
                try writer.add(name: name, data: data, store: name == "mimetype" || Self.isCompressedMedia(name), mtime: Self.fixedTime)
                written.insert(name)
            }
            for (name, data) in changes.replaced where !written.contains(name) {
                try writer.add(name: name, data: data, store: Self.isCompressedMedia(name), mtime: Self.fixedTime)
            }
            try writer.close()
        } catch {
            writer.discard()
            throw error
        }
        readers.put(source)
    }

    /// The CRC-32 of `data`, as zip records it.
    static func crc(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { raw in
            raw.isEmpty ? 0 : UInt32(crc32(0, raw.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(raw.count)))
        }
    }

    /// PNG and JPEG pictures are compressed already: deflating them again costs time and saves nothing.
    static func isCompressedMedia(_ name: String) -> Bool {
        let lower = name.lowercased()
        return [".png", ".jpg", ".jpeg", ".gif"].contains { lower.hasSuffix($0) }
    }

    /// Timestamp given to new parts, so the same input gives the same bytes.
    static let fixedTime: time_t = 1_577_836_800 // 2020-01-01
}

/// What to change when writing a package: parts replaced, added (in order) and removed.
public struct PackageChanges: Sendable {
    public var replaced: [String: Data] = [:]
    public var added: [(name: String, data: Data)] = []
    public var removed: Set<String> = []
    public init() {}
}

extension OfficePackage {
    /// Writes a new package from parts in order (ODF's `mimetype` stored, everything else deflated), atomically.
    public static func create(at url: URL, parts: [(name: String, data: Data)]) throws {
        for (name, _) in parts where isUnsafe(name) { throw PackageError.unsafeEntryName(path: url.path, entry: name) }
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let writer = try ZipWriter(path: tmp.path)
        do {
            for (name, data) in parts { try writer.add(name: name, data: data, store: name == "mimetype", mtime: fixedTime) }
            try writer.close()
        } catch {
            writer.discard()
            throw error
        }
        if rename(tmp.path, url.path) != 0 {
            throw PackageError.writeFailed(path: url.path, reason: String(cString: strerror(errno)))
        }
    }
}

extension OfficePackage {
    /// Reads every part once, so that libzip checks its CRC, and parses every XML part not in `parsed`,
    /// so that namespace errors are found: a damaged part would otherwise be copied into every output
    /// as it is, and Word or LibreOffice would refuse the result.
    public func verify(skipping parsed: Set<String> = []) throws {
        let archive = try ZipReader(data: bytes, path: path)
        for e in entries {
            let lower = e.name.lowercased()
            guard !parsed.contains(e.name), lower.hasSuffix(".xml") || lower.hasSuffix(".rels") else {
                try archive.check(e.index, size: e.size, name: e.name, crc: e.crc)
                continue
            }
            let data = try archive.read(e.index, size: e.size, name: e.name, crc: e.crc)
            do { _ = try XMLDocument(data: data, name: e.name) } catch let error as XMLError {
                throw PackageError.brokenPart(path: path, error: error)
            }
        }
    }

    /// Reads and parses an XML part; a part that does not parse is reported with the package's path.
    public func xmlDocument(_ name: String) throws -> XMLDocument {
        let data = try read(name)
        do { return try XMLDocument(data: data, name: name) } catch let error as XMLError {
            throw PackageError.brokenPart(path: path, error: error)
        }
    }
}

/// Archives opened for reading, kept between writes of one package.
final class ReaderPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [ZipReader] = []
    /// As many as writes ran at once, at most this many kept.
    private static let limit = 8

    func take() -> ZipReader? {
        lock.lock()
        defer { lock.unlock() }
        return idle.popLast()
    }

    func put(_ r: ZipReader) {
        lock.lock()
        defer { lock.unlock() }
        if idle.count < Self.limit { idle.append(r) }
    }
}
