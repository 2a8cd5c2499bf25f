import Foundation

/// A value's text before it is written, worked on its UTF-8 bytes (Thai text, E0 B8/B9 xx, passes
/// through untouched): whether it needs any work, and the characters XML cannot hold taken out.
enum ValueText {
    /// True when a value needs none of the work of `sanitize` nor elements for breaks, tabs or spaces,
    /// decided in one pass: no control characters, line breaks or tabs, no U+FFFE/U+FFFF (EF BF BE/BF),
    /// and, where runs of spaces collapse (ODF), no leading space nor run of spaces.
    static func isPlain(_ s: String, collapsesSpaces: Bool) -> Bool {
        var s = s
        return s.withUTF8 { b in
            guard !b.isEmpty else { return true }
            if collapsesSpaces && b[0] == 0x20 { return false }
            var previousSpace = false
            for i in 0..<b.count {
                let c = b[i]
                if c < 0x20 { return false }
                if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBF, b[i + 2] >= 0xBE { return false }
                if collapsesSpaces {
                    if c == 0x20 && previousSpace { return false }
                    previousSpace = c == 0x20
                }
            }
            return true
        }
    }

    /// `s` with CR LF read as a line break and the characters XML 1.0 does not allow removed (control
    /// characters but tab and line feed, U+FFFE, U+FFFF); `removed` is called once when any was.
    static func sanitize(_ s: String, removed: () -> Void) -> String {
        var s = s
        let result: [UInt8]? = s.withUTF8 { b in
            // Most values have nothing to take out: keep the string as it is.
            var clean = true
            for i in 0..<b.count {
                let c = b[i]
                if (c < 0x20 && c != 0x09 && c != 0x0A) || (c == 0xEF && i + 2 < b.count && b[i + 1] == 0xBF && b[i + 2] >= 0xBE) { clean = false; break }
            }
            if clean { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var dropped = false
            var i = 0
            while i < b.count {
                let c = b[i]
                if c == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A { i += 1; continue }
                if c < 0x20 && c != 0x09 && c != 0x0A { dropped = true; i += 1; continue }
                if c == 0xEF && i + 2 < b.count && b[i + 1] == 0xBF && b[i + 2] >= 0xBE { dropped = true; i += 3; continue }
                out.append(c)
                i += 1
            }
            if dropped { removed() }
            return out
        }
        guard let result else { return s }
        return String(decoding: result, as: UTF8.self)
    }
}
