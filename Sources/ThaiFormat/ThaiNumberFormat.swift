import Foundation

/// Decimal number formatting with half-up rounding, as score tables print numbers.
///
/// Works on `Decimal` so that values such as 94.125 round to 94.13 exactly;
/// binary floating point (94.12499…) and banker's rounding (94.12) both fail there.
public enum ThaiNumberFormat {
    /// Rounds `value` to `places` decimals, halves away from zero (94.125 → 94.13, -0.005 → -0.01).
    public static func roundHalfUp(_ value: Decimal, places: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, max(0, places), .plain)
        return result
    }

    /// `value` rounded half-up and written with exactly `places` decimals ("95.00", "100.00");
    /// with `grouping`, thousands are separated by commas ("1,234,567.50").
    public static func fixed(_ value: Decimal, places: Int, grouping: Bool = false) -> String {
        let places = max(0, places)
        let rounded = roundHalfUp(value, places: places)
        let (negative, integer, fraction) = digits(of: rounded)
        var frac = fraction
        if frac.count < places { frac += String(repeating: "0", count: places - frac.count) }
        if frac.count > places { frac = String(frac.prefix(places)) }
        let intPart = grouping ? group(integer) : integer
        let isZero = integer.allSatisfy { $0 == "0" } && frac.allSatisfy { $0 == "0" }
        let sign = negative && !isZero ? "-" : ""
        return places > 0 ? "\(sign)\(intPart).\(frac)" : "\(sign)\(intPart)"
    }

    /// Inserts a comma every three digits of a run of integer digits ("1234567" → "1,234,567").
    public static func group(_ integerDigits: String) -> String {
        var out: [Character] = []
        for (i, c) in integerDigits.reversed().enumerated() {
            if i > 0, i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }

    /// Splits a decimal into sign, integer digits and fraction digits, without exponent notation.
    static func digits(of value: Decimal) -> (negative: Bool, integer: String, fraction: String) {
        var text = value.description
        var negative = false
        if text.hasPrefix("-") { negative = true; text.removeFirst() }
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            // Defensive: expand exponent notation should a platform produce it.
            let mantissa = String(text[..<e])
            let exponent = Int(text[text.index(after: e)...]) ?? 0
            text = expand(mantissa: mantissa, exponent: exponent)
        }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var integer = String(parts[0])
        if integer.isEmpty { integer = "0" }
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return (negative, integer, fraction)
    }

    private static func expand(mantissa: String, exponent: Int) -> String {
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let intDigits = String(parts[0])
        let fracDigits = parts.count > 1 ? String(parts[1]) : ""
        var all = intDigits + fracDigits
        var point = intDigits.count + exponent
        if point <= 0 { all = String(repeating: "0", count: 1 - point) + all; point = 1 }
        if point >= all.count { return all + String(repeating: "0", count: point - all.count) }
        let idx = all.index(all.startIndex, offsetBy: point)
        return String(all[..<idx]) + "." + String(all[idx...])
    }
}
