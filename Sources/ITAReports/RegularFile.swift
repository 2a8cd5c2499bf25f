import Foundation

/// Input files are read whole: a path that is not a regular file (a folder, a named pipe, a device such
/// as /dev/zero) is refused up front with what it is, rather than read forever or failing with a
/// misleading "permission" message. Checked with `stat`, which never opens (and so never waits on) a pipe.
public enum RegularFile {
    /// Throws when `path` is there but is not a regular file (symlinks followed). `role` names it: "data file", "template".
    public static func check(_ path: String, role: String) throws {
        var info = stat()
        // A path that is not there (or cannot be looked at) is left to the reader, whose message says so.
        guard stat(path, &info) == 0 else { return }
        let type = info.st_mode & S_IFMT
        guard type != S_IFREG else { return }
        let what: String
        switch type {
        case S_IFDIR: what = "a folder"
        case S_IFIFO: what = "a named pipe (FIFO)"
        case S_IFCHR: what = "a character device"
        case S_IFBLK: what = "a block device"
        case S_IFSOCK: what = "a socket"
        default: what = "not a regular file"
        }
        throw RegularFileError(path: path, role: role, what: what)
    }
}

/// An input path that cannot be read as a file, worded for the user.
public struct RegularFileError: Error, CustomStringConvertible {
    public let path: String
    public let role: String
    /// What the path is instead of a regular file.
    public let what: String

    public var description: String {
        if what == "a folder" {
            return "\(path): this is a folder, not a file; give the path of the \(role) itself"
        }
        return "\(path): this is \(what), not a regular file; the \(role) is read whole from a file, so save it to a file and give that file's path"
    }
}
