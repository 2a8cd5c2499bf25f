/// How the document is written (`options`).
public struct DocumentOptions: Codable, Equatable, Sendable {
    /// `digits`: thai or arabic; one style throughout the document.
    public var digits: DigitStyle?
    /// `form_year`: the fiscal year (BE) of the form layout to follow.
    public var formYear: Int?

    public init(digits: DigitStyle? = nil, formYear: Int? = nil) {
        self.digits = digits
        self.formYear = formYear
    }
}

/// Which digits a document uses.
public enum DigitStyle: String, Codable, Sendable, CaseIterable {
    case thai
    case arabic
}
