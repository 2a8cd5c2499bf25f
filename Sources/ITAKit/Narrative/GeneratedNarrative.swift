/// A narrative the tool wrote because the data file left it out.
public struct GeneratedNarrative: Sendable, Equatable, CustomStringConvertible {
    /// What kind of narrative it is.
    public enum Kind: String, Sendable, CaseIterable {
        /// A paragraph on one indicator (`analysis.indicators.N`).
        case indicator
        /// ข้อบกพร่อง/ข้อปรับปรุง of an issue.
        case deficiencies
        /// ข้อที่ต้องพัฒนา of an issue.
        case toDevelop
        /// รักษาระดับ of an issue.
        case maintain
        /// The strengths summary with its count.
        case strengths
        /// The weaknesses summary with its count.
        case weaknesses
        /// The overall paragraph: total, level, tools, counts.
        case overview
        /// หลักการและเหตุผล of the analysis report.
        case rationale
        /// The result of an O35 measure, citing an ITA figure.
        case outcome
    }

    /// The field's path in the data model, as diagnostics write it: `analysis.indicators.9`,
    /// `analysis.issues[2].maintain`, `measures[0].outcome`.
    public var path: String
    public var kind: Kind
    /// The text as the document will print it (already in the document's digit style).
    public var text: String

    public init(path: String, kind: Kind, text: String) {
        self.path = path
        self.kind = kind
        self.text = text
    }

    public var description: String { "\(path): \(text)" }
}
