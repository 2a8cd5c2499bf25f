import Foundation

/// How a number cell's stored value becomes text.
///
/// Excel stores a number as the shortest text that gives back its binary double, so a value
/// computed as 98.97 may be stored as `98.97000000000001`, and Excel itself shows it as 98.97:
/// it works to 15 significant digits. A number cell therefore reads as its value rounded to 15
/// significant digits, written in the shortest plain decimal form (no exponent, no trailing zeros):
/// `98.97000000000001` → `98.97`, `0.30000000000000004` → `0.3`, `1E-3` → `0.001`, `100` → `100`.
/// A cell's number format (the decimals it shows) is not applied: the stored value counts, except
/// that a cell shown as a percentage reads as the percentage it shows (`percent`).
public enum CellNumber {
    /// The number a percentage cell shows, from its stored value's text: `0.9939` → `99.39`, `1` → `100`.
    public static func percent(_ text: String) -> String? {
        guard let d = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        var out = d * 100
        var rounded = Decimal()
        // 15 significant digits, as the stored value was read.
        NSDecimalRound(&rounded, &out, 13, .plain)
        return plainText(rounded.description) ?? rounded.description
    }

    /// The text of a stored number; nil when `stored` is not a finite number.
    public static func text(stored: String) -> String? {
        let s = stored.trimmingCharacters(in: .whitespaces)
        if let plain = plainText(s) { return plain }
        guard let d = Double(s), d.isFinite else { return nil }
        if d == 0 { return "0" }
        let rounded = String(format: "%.15g", d)
        guard rounded.contains("e") || rounded.contains("E") else { return rounded }
        // Exponent form (very large or very small): written out in full.
        guard let decimal = Decimal(string: rounded, locale: Locale(identifier: "en_US_POSIX")) else { return rounded }
        return decimal.description
    }

    /// The common case without formatting: a plain decimal (`-`, digits, at most one point) of at
    /// most 15 significant digits is already exact; trailing zeros after the point are dropped.
    private static func plainText(_ s: String) -> String? {
        var significant = 0
        var seenNonZero = false
        var points = 0
        var digits = 0
        for (i, u) in s.utf8.enumerated() {
            switch u {
            case UInt8(ascii: "-") where i == 0: continue
            case UInt8(ascii: "."): points += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if u != UInt8(ascii: "0") { seenNonZero = true }
                if seenNonZero { significant += 1 }
            default: return nil
            }
        }
        guard digits > 0, points <= 1, significant <= 15, s.utf8.last != UInt8(ascii: "."), s.utf8.first != UInt8(ascii: ".") else { return nil }
        var out = Substring(s)
        if points == 1 {
            while out.last == "0" { out = out.dropLast() }
            if out.last == "." { out = out.dropLast() }
        }
        if !seenNonZero { return "0" }
        // Leading zeros ("007") as a number would be read.
        let negative = out.hasPrefix("-")
        var body = negative ? out.dropFirst() : out
        while body.count > 1, body.first == "0", body.dropFirst().first != "." { body = body.dropFirst() }
        return (negative ? "-" : "") + body
    }
}
