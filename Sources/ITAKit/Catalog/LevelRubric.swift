import Foundation

/// The level bands of a year: a score at or above a band's minimum gets its name.
public struct LevelRubric: Codable, Sendable, Equatable {
    /// One band, e.g. `AA` from 95.00.
    public struct Band: Codable, Sendable, Equatable {
        public var name: String
        /// Lowest score in the band.
        public var min: Decimal
        public init(name: String, min: Decimal) {
            self.name = name
            self.min = min
        }
    }

    /// Bands, any order.
    public var bands: [Band]
    /// False when the thresholds are not confirmed by a source (the official level should be given).
    public var confirmed: Bool
    public var source: String
    public var note: String?

    /// The band name for `score` (the highest band whose minimum it reaches).
    public func level(for score: Decimal) -> String? {
        bands.sorted { $0.min > $1.min }.first { score >= $0.min }?.name
    }
}
