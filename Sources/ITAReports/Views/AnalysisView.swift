import Foundation

/// The view of the ITA analysis-to-development report, 2568 form (`analysis-2568`).
public struct AnalysisView2568: Encodable, Sendable {
    /// หลักการและเหตุผล as paragraphs: the organisation's own, else written by the tool.
    public var rationale: [String]
    public var overview: String
    public var strengthsSummary: String
    public var weaknessesSummary: String
    public var tools: [ToolScoreView]
    public var indicators: [IndicatorRowView]
    public var chartTools: RawTemplateValue?
    public var chartIndicators: RawTemplateValue?
    public var strengthCount: Int
    public var weaknessCount: Int
    public var strengths: [Finding]
    public var weaknesses: [Finding]
    public var measureGroups: [MeasureGroup]
    public var photoRows: [PhotoRow]

    /// An indicator in the strengths or weaknesses table.
    public struct Finding: Encodable, Sendable {
        public var number: Int
        public var name: String
        public var score: Decimal?
        public var analysis: String
    }

    /// A row of the development grid.
    public struct Measure: Encodable, Sendable {
        /// ตัวชี้วัด: from the measure's indicators, or its questions or issue through the year's catalog.
        public var indicatorLabel: String
        public var title: String
        /// The measure's own analysis, else its indicator's.
        public var analysis: String
        public var steps: [String]
        public var period: String
        public var owners: [String]
        enum CodingKeys: String, CodingKey { case indicatorLabel = "indicator_label", title, analysis, steps, period, owners }
    }

    /// Consecutive measures of the same indicators and the same analysis: the shipped grid prints the
    /// indicator and its analysis once, in full-width rows above the group's measures.
    public struct MeasureGroup: Encodable, Sendable {
        /// The indicator (its measures' `indicator_label`).
        public var indicatorLabel: String
        /// The analysis its measures share (their `analysis`).
        public var analysis: String
        public var measures: [Measure]
        enum CodingKeys: String, CodingKey { case indicatorLabel = "indicator_label", analysis, measures }
    }

    public struct Photo: Encodable, Sendable {
        public var file: String
        public var caption: String
    }

    public struct PhotoRow: Encodable, Sendable {
        public var left: Photo
        public var right: Photo?
    }

    enum CodingKeys: String, CodingKey {
        case rationale, overview, strengthsSummary = "strengths_summary", weaknessesSummary = "weaknesses_summary"
        case tools, indicators, chartTools = "chart_tools", chartIndicators = "chart_indicators"
        case strengthCount = "strength_count", weaknessCount = "weakness_count", strengths, weaknesses
        case measureGroups = "measure_groups", photoRows = "photo_rows"
    }
}
