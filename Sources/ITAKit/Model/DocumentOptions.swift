import Foundation

/// How the document is written (`options`).
public struct DocumentOptions: Codable, Equatable, Sendable {
    /// `digits`: thai or arabic; one style throughout the document.
    public var digits: DigitStyle?
    /// `form_year`: the fiscal year (BE) of the form layout to follow.
    public var formYear: Int?
    /// `strength_threshold`: the score from which an indicator counts as a strength (จุดแข็ง) in
    /// this organisation's analysis, instead of the year's catalog value.
    public var strengthThreshold: Decimal?

    public init(digits: DigitStyle? = nil, formYear: Int? = nil, strengthThreshold: Decimal? = nil) {
        self.digits = digits
        self.formYear = formYear
        self.strengthThreshold = strengthThreshold
    }
}

/// Which digits a document uses.
public enum DigitStyle: String, Codable, Sendable, CaseIterable {
    case thai
    case arabic
}
