import Foundation

/// The folders documents are written into, with file-system failures worded for the user.
public enum OutputFolder {
    /// Creates `folder` and its parents; a failure names the folder, the system's reason and what to do.
    public static func create(_ folder: URL) throws {
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw GenerateError.cannotCreateFolder(path: folder.path, reason: reason(error))
        }
    }

    /// The system's reason for a file error ("Not a directory", "Permission denied"), rather than
    /// Foundation's wrapper text, which on Linux is often "The operation could not be completed".
    public static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? Error {
            let u = underlying as NSError
            if u.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(u.code))) }
        }
        return ns.localizedDescription
    }
}
