/// Conversion between Arabic digits (0–9) and Thai digits (๐–๙).
///
/// Only the ten digits change; every other character (decimal point, comma,
/// letters, Thai text) is kept as it is, so whole sentences can be converted.
public enum ThaiNumerals {
    /// The Thai digits ๐…๙, indexed by their value.
    public static let digits: [Character] = ["๐", "๑", "๒", "๓", "๔", "๕", "๖", "๗", "๘", "๙"]

    /// Replaces every Arabic digit 0–9 in `s` by the Thai digit of the same value.
    public static func toThai(_ s: String) -> String { shift(s, from: arabicZero, to: thaiZero) }

    /// Replaces every Thai digit ๐–๙ in `s` by the Arabic digit of the same value.
    public static func toArabic(_ s: String) -> String { shift(s, from: thaiZero, to: arabicZero) }

    private static let arabicZero: UInt32 = 0x30
    private static let thaiZero: UInt32 = 0x0E50

    /// `s` with each digit of the script whose zero is `from` replaced by the same digit of the script whose zero is `to`.
    private static func shift(_ s: String, from: UInt32, to: UInt32) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if scalar.value >= from, scalar.value <= from + 9, let other = Unicode.Scalar(to + scalar.value - from) {
                out.append(other)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// True when `s` contains at least one Thai digit.
    public static func containsThaiDigits(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0.value >= thaiZero && $0.value <= thaiZero + 9 }
    }
}
