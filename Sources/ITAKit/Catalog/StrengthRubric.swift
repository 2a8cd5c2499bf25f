import Foundation

/// Where a year's analysis splits indicators into strengths (จุดแข็ง, at or above `threshold`)
/// and weaknesses (จุดอ่อน, below it), with the source of that rule and whether a source confirms it.
public struct StrengthRubric: Codable, Sendable, Equatable {
    /// Indicators scoring at least this are strengths.
    public var threshold: Decimal
    /// False when no source of that year confirms the threshold: documents then warn.
    public var confirmed: Bool
    /// A key of the catalog's `sources`.
    public var source: String
    /// How the threshold was chosen, and what the sources show.
    public var note: String?

    public init(threshold: Decimal, confirmed: Bool, source: String, note: String? = nil) {
        self.threshold = threshold
        self.confirmed = confirmed
        self.source = source
        self.note = note
    }
}
