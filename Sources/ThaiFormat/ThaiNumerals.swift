/// Conversion between Arabic digits (0–9) and Thai digits (๐–๙).
///
/// Only the ten digits change; every other character (decimal point, comma,
/// letters, Thai text) is kept as it is, so whole sentences can be converted.
public enum ThaiNumerals {
    /// The Thai digits ๐…๙, indexed by their value.
    public static let digits: [Character] = ["๐", "๑", "๒", "๓", "๔", "๕", "๖", "๗", "๘", "๙"]

    /// Replaces every Arabic digit 0–9 in `s` by the Thai digit of the same value.
    public static func toThai(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if scalar.value >= 0x30, scalar.value <= 0x39,
               let thai = Unicode.Scalar(0x0E50 + scalar.value - 0x30) {
                out.append(thai)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Replaces every Thai digit ๐–๙ in `s` by the Arabic digit of the same value.
    public static func toArabic(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if scalar.value >= 0x0E50, scalar.value <= 0x0E59,
               let arabic = Unicode.Scalar(0x30 + scalar.value - 0x0E50) {
                out.append(arabic)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// True when `s` contains at least one Thai digit.
    public static func containsThaiDigits(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0.value >= 0x0E50 && $0.value <= 0x0E59 }
    }
}
