import Foundation

/// A length written in a tag (`6cm`, `60mm`, `2.5in`, `72pt`), kept in centimetres.
public struct Length: Equatable, Sendable {
    public let centimetres: Double

    public init(centimetres: Double) { self.centimetres = centimetres }

    /// Parses `6cm`, `60mm`, `2.5in` or `72pt`; nil for anything else.
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("cm", 1), ("mm", 0.1), ("in", 2.54), ("pt", 2.54 / 72)]
        for (u, f) in units where t.hasSuffix(u) {
            guard let v = Double(t.dropLast(u.count)), v > 0, v < 1000 else { return nil }
            self.centimetres = v * f
            return
        }
        return nil
    }

    /// English Metric Units used by DrawingML (360000 per cm).
    public var emu: Int { Int((centimetres * 360_000).rounded()) }

    /// The ODF form, e.g. `6.000cm`.
    public var odf: String { String(format: "%.3fcm", centimetres) }
}
