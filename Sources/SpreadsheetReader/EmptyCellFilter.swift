import Foundation

/// Leaves out the empty cells and rows of worksheet XML before it is parsed.
///
/// Formatting a whole range (borders down to row 65536, say) makes Excel write one empty element per
/// cell: `<c r="B9" s="3"/>`, and `<row r="9" spans="1:16"/>` for rows with nothing in them. Such a
/// self-closing `c` or `row` element with an `r` attribute holds no value and names its own place,
/// so dropping it changes nothing that is read, while a million of them would otherwise become a
/// million parsed nodes. Elements without `r` stay: their place follows from the ones before them.
/// Anything unusual is copied as it is and left to the XML parser to judge.
enum EmptyCellFilter {
    static func strip(_ data: Data) -> Data {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Data in
            let b = raw.bindMemory(to: UInt8.self)
            let n = b.count
            var out = Data()
            var runStart = 0
            var i = 0
            while i < n {
                guard b[i] == UInt8(ascii: "<") else { i += 1; continue }
                if let skip = unparsedEnd(b, from: i) {
                    i = skip
                } else if let end = emptyElementEnd(b, from: i) {
                    if out.isEmpty { out.reserveCapacity(n / 4) }
                    out.append(b.baseAddress! + runStart, count: i - runStart)
                    runStart = end
                    i = end
                } else {
                    i += 1
                }
            }
            if runStart == 0 { return data }
            out.append(b.baseAddress! + runStart, count: n - runStart)
            return out
        }
    }

    /// When a comment or CDATA section starts at `start` (text in which a `<c …/>` is not markup),
    /// the index just after it (or the end of the data when it is not closed).
    private static func unparsedEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        func matches(_ s: String, at i: Int) -> Bool {
            let u = Array(s.utf8)
            guard i + u.count <= b.count else { return false }
            for k in 0..<u.count where b[i + k] != u[k] { return false }
            return true
        }
        guard start + 1 < b.count, b[start + 1] == UInt8(ascii: "!") else { return nil }
        let close: String
        if matches("<!--", at: start) { close = "-->" } else if matches("<![CDATA[", at: start) { close = "]]>" } else { return nil }
        var i = start + 4
        while i < b.count {
            if b[i] == UInt8(ascii: ">"), matches(close, at: i - 2) { return i + 1 }
            i += 1
        }
        return b.count
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    /// When a self-closing `<c …/>` or `<row …/>` with an `r` attribute starts at `start`, the index
    /// just after it.
    private static func emptyElementEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let n = b.count
        var i = start + 1
        if i < n, b[i] == UInt8(ascii: "c") {
            i += 1
        } else if i + 2 < n, b[i] == UInt8(ascii: "r"), b[i + 1] == UInt8(ascii: "o"), b[i + 2] == UInt8(ascii: "w") {
            i += 3
        } else {
            return nil
        }
        guard i < n, isSpace(b[i]) else { return nil }
        var hasR = false
        while true {
            while i < n, isSpace(b[i]) { i += 1 }
            guard i < n else { return nil }
            if b[i] == UInt8(ascii: "/") {
                return i + 1 < n && b[i + 1] == UInt8(ascii: ">") && hasR ? i + 2 : nil
            }
            if b[i] == UInt8(ascii: ">") { return nil }
            let nameStart = i
            while i < n, !isSpace(b[i]), b[i] != UInt8(ascii: "="), b[i] != UInt8(ascii: ">"), b[i] != UInt8(ascii: "/") { i += 1 }
            let isR = i - nameStart == 1 && b[nameStart] == UInt8(ascii: "r")
            while i < n, isSpace(b[i]) { i += 1 }
            guard i < n, b[i] == UInt8(ascii: "=") else { return nil }
            i += 1
            while i < n, isSpace(b[i]) { i += 1 }
            guard i < n, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") else { return nil }
            let quote = b[i]
            i += 1
            while i < n, b[i] != quote, b[i] != UInt8(ascii: "<") { i += 1 }
            guard i < n, b[i] == quote else { return nil }
            i += 1
            if isR { hasR = true }
        }
    }
}
