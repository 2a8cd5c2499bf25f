import Foundation

/// How a number cell's stored value becomes text.
///
/// Excel stores a number as the shortest text that gives back its binary double, so a value
/// computed as 98.97 may be stored as `98.97000000000001`, and Excel itself shows it as 98.97:
/// it works to 15 significant digits. A number cell therefore reads as its value rounded to 15
/// significant digits, written in the shortest plain decimal form (no exponent, no trailing zeros):
/// `98.97000000000001` → `98.97`, `0.30000000000000004` → `0.3`, `1E-3` → `0.001`, `100` → `100`.
/// A cell's number format (the decimals it shows) is not applied: the stored value counts.
public enum CellNumber {
    /// The text of a stored number; nil when `stored` is not a finite number.
    public static func text(stored: String) -> String? {
        let s = stored.trimmingCharacters(in: .whitespaces)
        guard let d = Double(s), d.isFinite else { return nil }
        if d == 0 { return "0" }
        let rounded = String(format: "%.15g", d)
        guard rounded.contains("e") || rounded.contains("E") else { return rounded }
        // Exponent form (very large or very small): written out in full.
        guard let decimal = Decimal(string: rounded, locale: Locale(identifier: "en_US_POSIX")) else { return rounded }
        return decimal.description
    }
}
