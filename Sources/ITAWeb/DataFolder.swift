import Foundation
import ITAReports

/// The folder the web app serves: its data files (the YAML files the command line reads), found by
/// listing the folder, never by a path taken from a request. Every read and write stays inside it.
public final class DataFolder: @unchecked Sendable {
    /// The folder, with links resolved.
    public let root: URL
    /// Largest data file read (a yearly report is a few tens of kilobytes).
    static let maxDataBytes = 2 * 1024 * 1024
    /// Data file name endings listed.
    static let dataExtensions = ["yaml", "yml", "json"]
    /// Sub-folder for pictures uploaded through the app.
    static let imagesFolder = "images"
    /// Sub-folder for documents the app writes.
    static let outputFolder = "Output"

    private let lock = NSLock()

    public init(_ path: String) throws {
        let url = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue else {
            throw WebError.notAFolder(path)
        }
        root = url
    }

    /// The data files of the folder, by name, in order: regular files (not links) with a data file ending.
    public func names() -> [String] {
        let items = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return items.filter { name in
            guard !name.hasPrefix("."), Self.dataExtensions.contains((name as NSString).pathExtension.lowercased()) else { return false }
            return Self.isRegularFile(root.appendingPathComponent(name).path)
        }.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
    }

    /// The file named `name` when it is one of the folder's data files; nil for anything else (a path, a
    /// name with a slash, a file outside the folder, a link).
    public func url(named name: String) -> URL? {
        guard Self.isPlainName(name), names().contains(name) else { return nil }
        return root.appendingPathComponent(name)
    }

    /// A name with no path in it: no separator, not "." or "..", no control characters.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 255 && name != "." && name != ".." && !name.contains("/") && !name.contains("\\")
            && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// The text of a data file and its version (a hash of its bytes).
    public func read(_ name: String) throws -> (text: String, version: String) {
        guard let url = url(named: name) else { throw WebError.noSuchFile(name) }
        let data = try readBounded(url, limit: Self.maxDataBytes)
        return (String(decoding: data, as: UTF8.self), Self.version(of: data))
    }

    /// The version of file contents: the first 16 hex digits of their SHA-256.
    static func version(of data: Data) -> String { String(SHA256.hex(data).prefix(16)) }

    /// Replaces a data file with `text` when it is still at `expectedVersion`; atomically (a scratch file in
    /// the folder renamed over it), so a reader sees the old file or the new one, never half of one.
    /// Returns the new version.
    public func replace(_ name: String, with text: String, expectedVersion: String) throws -> String {
        lock.lock(); defer { lock.unlock() }
        guard let url = url(named: name) else { throw WebError.noSuchFile(name) }
        let current = Self.version(of: try readBounded(url, limit: Self.maxDataBytes))
        guard current == expectedVersion else { throw WebError.staleVersion(name) }
        let data = Data(text.utf8)
        try writeAtomically(data, to: url)
        return Self.version(of: data)
    }

    /// Writes a new file `name` into the folder (or `subfolder` of it); never replaces one.
    public func create(_ name: String, data: Data, in subfolder: String? = nil) throws -> URL {
        lock.lock(); defer { lock.unlock() }
        guard Self.isPlainName(name), subfolder.map(Self.isPlainName) ?? true else { throw WebError.noSuchFile(name) }
        var dir = root
        if let subfolder {
            dir = root.appendingPathComponent(subfolder)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir) {
                guard isDir.boolValue, !Self.isLink(dir.path) else { throw WebError.cannotWrite(dir.path, "it is not a folder") }
            } else {
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false)
            }
        }
        let url = dir.appendingPathComponent(name)
        guard !FileManager.default.fileExists(atPath: url.path), !Self.isLink(url.path) else { throw WebError.exists(name) }
        do { try data.write(to: url, options: [.withoutOverwriting]) } catch { throw WebError.exists(name) }
        return url
    }

    /// A name not yet taken in the folder (or `subfolder`): `stem.ext`, else `stem-2.ext`, `stem-3.ext`, …
    public func freeName(stem: String, ext: String, in subfolder: String? = nil) -> String {
        let dir = subfolder.map { root.appendingPathComponent($0) } ?? root
        var n = 1
        while true {
            let name = n == 1 ? "\(stem).\(ext)" : "\(stem)-\(n).\(ext)"
            if !FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path), !Self.isLink(dir.appendingPathComponent(name).path) { return name }
            n += 1
        }
    }

    static func isLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    /// `relative` (a path a data file gives, such as `images/photo1.jpg`) as a file inside the folder; nil
    /// when it leads outside it (an absolute path, `..`, a link that points away) or is not a regular file.
    public func inside(_ relative: String, from dataFile: URL) -> URL? {
        guard !relative.isEmpty, !relative.hasPrefix("/"), !relative.contains("\0") else { return nil }
        let url = dataFile.deletingLastPathComponent().appendingPathComponent(relative).standardizedFileURL.resolvingSymlinksInPath()
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        guard url.path.hasPrefix(base), Self.isRegularFile(url.path) else { return nil }
        return url
    }

    /// The folder documents are written into: `Output/` inside the data folder.
    public var output: URL { root.appendingPathComponent(Self.outputFolder) }

    func readBounded(_ url: URL, limit: Int) throws -> Data {
        guard Self.isRegularFile(url.path) else { throw WebError.noSuchFile(url.lastPathComponent) }
        let attrs = try FileManager.default.attributesOfItem(atPath: url.path)
        if let size = (attrs[.size] as? NSNumber)?.intValue, size > limit { throw WebError.tooLarge(url.lastPathComponent, limit) }
        return try Data(contentsOf: url)
    }

    private func writeAtomically(_ data: Data, to url: URL) throws {
        let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        do {
            try data.write(to: tmp, options: [.withoutOverwriting])
            let fd = open(tmp.path, O_RDONLY)
            if fd >= 0 { fsync(fd); close(fd) }
            if rename(tmp.path, url.path) != 0 { throw WebError.cannotWrite(url.path, String(cString: strerror(errno))) }
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            if error is WebError { throw error }
            throw WebError.cannotWrite(url.path, error.localizedDescription)
        }
    }
}

/// What went wrong, worded for the page that reports it.
public enum WebError: Error, CustomStringConvertible, Equatable {
    case notAFolder(String)
    case noSuchFile(String)
    case staleVersion(String)
    case exists(String)
    case tooLarge(String, Int)
    case cannotWrite(String, String)

    public var description: String {
        switch self {
        case let .notAFolder(p): return "\(p) is not a folder; give --data the folder that holds the data files"
        case let .noSuchFile(n): return "ไม่พบไฟล์ข้อมูล \(n) ในโฟลเดอร์"
        case .staleVersion: return "ไฟล์นี้ถูกแก้ไขจากที่อื่น (แท็บอื่นหรือโปรแกรมอื่น) หลังจากที่เปิดหน้านี้ จึงยังไม่ได้บันทึก"
        case let .exists(n): return "มีไฟล์ชื่อ \(n) อยู่แล้ว จึงไม่ได้เขียนทับ"
        case let .tooLarge(n, limit): return "ไฟล์ \(n) ใหญ่เกิน \(limit / 1024) KB"
        case let .cannotWrite(p, why): return "เขียนไฟล์ \(p) ไม่ได้ (\(why))"
        }
    }
}
