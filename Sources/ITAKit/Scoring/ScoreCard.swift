import Foundation
import ThaiFormat

/// The scores of one assessment as the framework computes them, next to what was announced.
///
/// `total` and `level` are what documents print: the official figures when the data
/// file gives them, the computed ones otherwise.
public struct ScoreCard: Sendable, Equatable {
    /// The ITA year (BE) scored.
    public var year: Int?
    /// Indicator scores as given, 1–10.
    public var indicators: [Int: Decimal]
    /// Tool scores (mean of the tool's indicators), rounded half-up to two places, by code.
    public var tools: [String: Decimal]
    /// EIT parts as announced (2568 onward), if given.
    public var eitParts: [Decimal]
    /// The total by the formula, rounded half-up to two places; nil when indicators are missing.
    public var computedTotal: Decimal?
    /// The level of `computedTotal` in the year's rubric.
    public var computedLevel: String?
    /// The announced total, rounded half-up to the two decimals documents print, and the
    /// announced level, if the data file gives them.
    public var officialTotal: Decimal?
    public var officialLevel: String?
    /// Indicators at or above the rubric's threshold (จุดแข็ง), ascending.
    public var strengths: [Int]
    /// Indicators below it (จุดอ่อน), ascending.
    public var weaknesses: [Int]
    /// The threshold used.
    public var strengthThreshold: Decimal?
    /// Whether the level thresholds of the year are confirmed by a source.
    public var levelRubricConfirmed: Bool
    /// Whether the strength threshold is confirmed by a source or was given by the data file.
    public var strengthRubricConfirmed: Bool

    /// The total documents print: official if given, else computed.
    public var total: Decimal? { officialTotal ?? computedTotal }
    /// The level of the (rounded) official total in the year's rubric, when only the total was announced.
    public var levelOfOfficialTotal: String?
    /// The level documents print: official if given, else from the rubric.
    public var level: String? { officialLevel ?? levelOfOfficialTotal ?? computedLevel }
    /// True when the printed level comes from a rubric no source confirms (no official level given).
    public var levelIsProvisional: Bool { officialLevel == nil && level != nil && !levelRubricConfirmed }

    /// The total written with two decimals ("98.97"), or nil.
    public var totalText: String? { total.map { ThaiNumberFormat.fixed($0, places: 2) } }
}
