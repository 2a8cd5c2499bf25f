import Foundation
import ITAKit

/// Input files are read whole: a path that is not a regular file (a folder, a named pipe, a device such
/// as /dev/zero) is refused up front with what it is, rather than read forever or failing with a
/// misleading "permission" message. Checked with `stat`, which never opens (and so never waits on) a pipe.
public enum RegularFile {
    /// What an input file is for, as the messages name it.
    public enum Role: String, Sendable {
        case dataFile = "data file"
        case template
        case scoreTable = "table of scores (.xlsx or CSV)"
        case baseDataFile = "base data file"

        /// The largest file of this role that is read: a data file of an agency is tens of kilobytes, a
        /// template a few megabytes (its pictures included), a table of scores of thousands of agencies a
        /// few megabytes.
        public var maxBytes: Int64 {
            switch self {
            case .dataFile, .baseDataFile: return 10 << 20
            case .template: return 128 << 20
            case .scoreTable: return 50 << 20
            }
        }

        var message: Message {
            switch self {
            case .dataFile: return Message("file.role.data-file")
            case .template: return Message("file.role.template")
            case .scoreTable: return Message("file.role.score-table")
            case .baseDataFile: return Message("file.role.base-data-file")
            }
        }
    }

    /// Throws when `path` is there but is not a regular file (symlinks followed). `role` names it.
    public static func check(_ path: String, role: Role) throws {
        var info = stat()
        // A path that is not there (or cannot be looked at) is left to the reader, whose message says so.
        guard stat(path, &info) == 0 else { return }
        let type = info.st_mode & S_IFMT
        if type == S_IFREG {
            // Read whole into memory (and a data file parsed whole): a file far past any real one (a
            // gigabyte, sparse or not) is refused before it is read.
            if info.st_size > role.maxBytes { throw RegularFileError(path: path, role: role, kind: .tooLarge(bytes: Int64(info.st_size), limit: role.maxBytes)) }
            return
        }
        let what: RegularFileError.Kind
        switch type {
        case S_IFDIR: what = .folder
        case S_IFIFO: what = .pipe
        case S_IFCHR: what = .characterDevice
        case S_IFBLK: what = .blockDevice
        case S_IFSOCK: what = .socket
        default: what = .other
        }
        throw RegularFileError(path: path, role: role, kind: what)
    }
}

/// An input path that cannot be read as a file, worded for the user.
public struct RegularFileError: CataloguedError, CustomStringConvertible {
    /// What the path is instead of a regular file.
    public enum Kind: Sendable, Equatable {
        case folder, pipe, characterDevice, blockDevice, socket, other
        /// A regular file larger than its role allows.
        case tooLarge(bytes: Int64, limit: Int64)

        var message: Message {
            switch self {
            case .folder: return Message("file.kind.folder")
            case .pipe: return Message("file.kind.pipe")
            case .characterDevice: return Message("file.kind.character-device")
            case .blockDevice: return Message("file.kind.block-device")
            case .socket: return Message("file.kind.socket")
            case .other, .tooLarge: return Message("file.kind.other")
            }
        }
    }

    public let path: String
    public let role: RegularFile.Role
    public let kind: Kind

    public var catalogueMessage: Message {
        if case let .tooLarge(bytes, limit) = kind {
            let mb = { (b: Int64) in String(format: "%.1f", Double(b) / 1_048_576) }
            return Message("file.too-large", ["path": "\(path)", "role": .message(role.message), "size": "\(mb(bytes))", "limit": "\(limit >> 20)"])
        }
        if kind == .folder {
            return Message("file.is-folder", ["path": "\(path)", "role": .message(role.message)])
        }
        return Message("file.not-regular", ["path": "\(path)", "role": .message(role.message), "what": .message(kind.message)])
    }

    public var description: String { catalogueMessage.text(in: .en) }
}
