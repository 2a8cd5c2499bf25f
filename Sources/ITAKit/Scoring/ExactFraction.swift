import Foundation

/// A number kept exactly as a decimal numerator over a whole denominator, so that means such as
/// 254.95 / 3 are never cut to 38 digits before they are weighted and added.
///
/// Scores are read exactly from their digits as `Decimal`; sums, products by weights and
/// comparisons of such numbers are exact in `Decimal`, and only division is not. Dividing by a
/// count therefore only multiplies the denominator, and the one rounding happens at the end,
/// in `roundedHalfUp(places:)`.
public struct ExactFraction: Sendable, Equatable {
    /// The numerator, exact.
    public private(set) var numerator: Decimal
    /// The denominator, always positive.
    public private(set) var denominator: Int

    public static let zero = ExactFraction(Decimal(0))

    /// The value `value`.
    public init(_ value: Decimal) {
        numerator = value
        denominator = 1
    }

    /// `numerator / denominator`; `denominator` must be positive (a count of scores).
    public init(_ numerator: Decimal, over denominator: Int) {
        precondition(denominator > 0, "ExactFraction needs a positive denominator")
        self.numerator = numerator
        self.denominator = denominator
    }

    public static func + (a: ExactFraction, b: ExactFraction) -> ExactFraction {
        if a.denominator == b.denominator { return ExactFraction(a.numerator + b.numerator, over: a.denominator) }
        let common = a.denominator / gcd(a.denominator, b.denominator) * b.denominator
        return ExactFraction(a.numerator * Decimal(common / a.denominator) + b.numerator * Decimal(common / b.denominator),
                             over: common)
    }

    public static func += (a: inout ExactFraction, b: ExactFraction) { a = a + b }

    /// The fraction times a decimal factor (a tool's weight), exactly.
    public static func * (a: ExactFraction, factor: Decimal) -> ExactFraction {
        ExactFraction(a.numerator * factor, over: a.denominator)
    }

    /// The value rounded half-up (ties toward +∞) to `places` decimals: the only rounding there is.
    ///
    /// With N/D the fraction and s = 10^places, the result is ⌊(2·N·s + D) / (2·D)⌋ / s; the floor
    /// is found from an approximate quotient and corrected with exact products.
    public func roundedHalfUp(places: Int) -> Decimal {
        var scale = Decimal(1)
        for _ in 0..<max(0, places) { scale *= 10 }
        let x = numerator * scale * 2 + Decimal(denominator)
        let m = Decimal(denominator * 2)
        var approx = x / m
        var q = Decimal()
        NSDecimalRound(&q, &approx, 0, .down)
        while q * m > x { q -= 1 }
        while (q + 1) * m <= x { q += 1 }
        return q / scale
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
