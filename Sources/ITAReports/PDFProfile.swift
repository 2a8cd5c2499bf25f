import Foundation

/// A LibreOffice user profile in a temporary folder of its own, for one worker's conversions one after
/// another (never two LibreOffice runs in one profile at once). The folder is removed with the profile.
public final class PDFProfile: @unchecked Sendable {
    /// The folder holding the profile and each run's working files.
    public let root: URL
    /// The profile itself, as LibreOffice's `-env:UserInstallation` takes it.
    public var url: URL { root.appendingPathComponent("profile", isDirectory: true) }

    public init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("itareport-pdf-\(getpid())-\(UUID().uuidString.prefix(8))")
        do { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) } catch {
            throw PDFConversionError.failed(file: root.path, reason: "cannot create a temporary folder: \(OutputFolder.reason(error))")
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }
}
