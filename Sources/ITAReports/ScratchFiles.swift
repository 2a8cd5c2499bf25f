import Foundation

/// The temporary files and folders the tool writes beside its outputs before moving them into place.
///
/// Their names are short and say which process made them: `.itareport-<process id>-<random><suffix>`
/// (what libzip and the package writer add while writing starts with the same name, or with `.` before
/// it). A run that was killed leaves them behind; the next run into the same folder removes those whose
/// process no longer runs, and never those of a run still going on.
public enum ScratchFiles {
    static let prefix = ".itareport-"
    /// The staging folders of earlier versions of `batch`.
    static let legacyPrefix = ".itareport-staging-"

    /// A new scratch name in `folder`, e.g. `.itareport-4242-9f3a1c2b.docx` for suffix `.docx`.
    public static func url(in folder: URL, suffix: String = "") -> URL {
        folder.appendingPathComponent("\(prefix)\(getpid())-\(UUID().uuidString.prefix(8).lowercased())\(suffix)")
    }

    /// Removes from `folder` the scratch files and folders of processes that no longer run. Returns their names.
    @discardableResult
    public static func removeAbandoned(in folder: URL) -> [String] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else { return [] }
        var removed: [String] = []
        for name in names {
            guard let pid = owner(of: name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            if (try? fm.removeItem(at: folder.appendingPathComponent(name))) != nil { removed.append(name) }
        }
        return removed
    }

    /// The process id in a scratch name (`.itareport-<pid>-…`, `..itareport-<pid>-…`, `.itareport-staging-<pid>-…`).
    static func owner(of name: String) -> pid_t? {
        var rest = Substring(name)
        if rest.hasPrefix(".") && rest.dropFirst().hasPrefix(prefix) { rest = rest.dropFirst() }
        if rest.hasPrefix(legacyPrefix) { rest = rest.dropFirst(legacyPrefix.count) }
        else if rest.hasPrefix(prefix) { rest = rest.dropFirst(prefix.count) }
        else { return nil }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, rest.dropFirst(digits.count).hasPrefix("-"), let pid = pid_t(digits), pid > 0 else { return nil }
        return pid
    }
}
