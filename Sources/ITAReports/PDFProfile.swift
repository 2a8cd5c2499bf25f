import Foundation

/// A LibreOffice user profile in a temporary folder of its own, for one worker's conversions one after
/// another (never two LibreOffice runs in one profile at once). The folder is removed with the profile.
public final class PDFProfile: Sendable {
    /// The folder holding the profile and each run's working files.
    public let root: URL
    /// The profile itself, as LibreOffice's `-env:UserInstallation` takes it.
    public var url: URL { root.appendingPathComponent("profile", isDirectory: true) }

    public init() throws {
        Self.removeAbandoned()
        root = FileManager.default.temporaryDirectory.appendingPathComponent("\(Self.prefix)\(getpid())-\(UUID().uuidString.prefix(8))")
        do { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) } catch {
            throw PDFConversionError.failed(file: root.path, reason: "cannot create a temporary folder: \(OutputFolder.reason(error))")
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Profile folders are named `itareport-pdf-<process id>-<random>` in the temporary folder.
    static let prefix = "itareport-pdf-"

    /// Removes this process's profile folders (when it is interrupted and will not end them itself).
    public static func removeOwn(in folder: URL = FileManager.default.temporaryDirectory) {
        let fm = FileManager.default
        let own = "\(prefix)\(getpid())-"
        for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(own) {
            try? fm.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// Removes the profile folders of processes that no longer run (killed mid-conversion).
    static func removeAbandoned(in folder: URL = FileManager.default.temporaryDirectory) {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(prefix) {
            // Exactly `<pid>-<8 characters>`: other programs' folders of a similar name are left alone.
            let parts = name.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[1].count == 8, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
                  let pid = pid_t(parts[0]), pid > 0, pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? fm.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
