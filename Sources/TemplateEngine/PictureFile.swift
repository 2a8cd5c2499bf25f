import Foundation

/// Reads a picture named in the data, refusing anything that is not a regular file of a sane size
/// before reading it (a 1 GB file, a device such as /dev/zero, a folder).
enum PictureFile {
    static func read(_ url: URL) -> Result<Data, PictureFileProblem> {
        var st = stat()
        guard stat(url.path, &st) == 0 else { return .failure(.unreadable) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { return .failure(.notAFile) }
        guard Int(st.st_size) <= PictureLimits.maxBytes else { return .failure(.tooLarge(Int(st.st_size))) }
        guard let h = FileHandle(forReadingAtPath: url.path) else { return .failure(.unreadable) }
        defer { try? h.close() }
        // Read at most one byte past the limit, in case the file grew since stat.
        guard let d = try? h.read(upToCount: PictureLimits.maxBytes + 1) ?? Data() else { return .failure(.unreadable) }
        guard d.count <= PictureLimits.maxBytes else { return .failure(.tooLarge(d.count)) }
        return .success(d)
    }
}

/// Why a picture file named in the data cannot be read.
enum PictureFileProblem: Error, CustomStringConvertible {
    case unreadable, notAFile, tooLarge(Int)

    var description: String {
        switch self {
        case .unreadable: return "cannot be read: check the path (relative paths start at the data file's folder)"
        case .notAFile: return "is not a regular file (a folder or a device): name a PNG or JPEG file"
        case let .tooLarge(n): return "is \(n / (1024 * 1024)) MB; pictures are limited to \(PictureLimits.maxBytes / (1024 * 1024)) MB: save it smaller (e.g. 2000 pixels wide, JPEG)"
        }
    }
}
