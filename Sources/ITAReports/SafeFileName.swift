import Foundation

/// A name usable as one file or folder name on Linux, macOS and Windows alike.
public enum SafeFileName {
    /// The longest file name, in bytes of UTF-8, most file systems take (ext4, XFS, APFS, NTFS in UTF-16 units).
    public static let defaultLimit = 255

    /// `raw` with path separators, the characters Windows forbids and control characters made `_`,
    /// the ends trimmed and spaces made `_`: "เทศบาล ก/ข" → "เทศบาล_ก_ข". May be empty.
    public static func from(_ raw: String) -> String {
        raw.unicodeScalars
            .map { forbidden.contains($0) || $0.properties.generalCategory == .control ? "_" : String($0) }
            .joined().trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "_")
    }

    /// `name` when it takes at most `maxBytes` bytes of UTF-8; else cut at a character boundary (a Thai
    /// letter keeps its vowel and tone marks) and ended with `~` and a short hash of the whole name, so
    /// two long names that differ only at the end stay different.
    public static func fit(_ name: String, maxBytes: Int) -> String {
        guard name.utf8.count > maxBytes else { return name }
        let tag = "~" + SHA256.hex(Data(name.utf8)).prefix(6)
        var out = ""
        var bytes = 0
        for ch in name {
            let n = String(ch).utf8.count
            if bytes + n + tag.utf8.count > maxBytes { break }
            out.append(ch)
            bytes += n
        }
        return out + tag
    }

    /// The longest file name `folder`'s file system takes, in bytes (`pathconf`), or `defaultLimit`.
    public static func limit(in folder: URL) -> Int {
        var dir = folder
        // The folder may not exist yet: ask the nearest one that does.
        for _ in 0..<32 {
            let n = pathconf(dir.path, Int32(_PC_NAME_MAX))
            if n > 0 { return min(Int(n), 4096) }
            if dir.path == "/" { break }
            dir = dir.deletingLastPathComponent()
        }
        return defaultLimit
    }

    private static let forbidden = CharacterSet(charactersIn: "/\\:*?\"<>|")
}
