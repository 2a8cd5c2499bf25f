import Foundation

/// The view of the O34, 2567 form (`o34-2567`).
public struct O34View2567: Encodable, Sendable {
    public var chartTools: RawTemplateValue?
    public var chartIndicators: RawTemplateValue?
    public var indicators: [IndicatorRowView]
    public var issues: [Issue]
    public var problems: [String]
    public var suggestions: [String]
    public var measures: [Measure]

    public struct Issue: Encodable, Sendable {
        public var number: Int
        public var name: String
        public var questionGroups: [QuestionGroup]
        public var deficiencies: String
        public var toDevelop: String
        public var maintain: String
        enum CodingKeys: String, CodingKey {
            case number, name, questionGroups = "question_groups", deficiencies, toDevelop = "to_develop", maintain
        }
    }

    public struct QuestionGroup: Encodable, Sendable {
        public var toolLabel: String
        public var questions: [Question]
        enum CodingKeys: String, CodingKey { case toolLabel = "tool_label", questions }
    }

    public struct Question: Encodable, Sendable {
        public var code: String
        public var text: String
        public var score: Decimal?
    }

    public struct Measure: Encodable, Sendable {
        public var issueLabel: String
        public var title: String
        public var steps: [String]
        public var owners: [String]
        public var period: String
        enum CodingKeys: String, CodingKey { case issueLabel = "issue_label", title, steps, owners, period }
    }

    enum CodingKeys: String, CodingKey {
        case chartTools = "chart_tools", chartIndicators = "chart_indicators", indicators, issues, problems, suggestions, measures
    }
}

/// The view of the O34, 2564 form (`o34-2564`).
public struct O34View2564: Encodable, Sendable {
    public var chartIndicators: RawTemplateValue?
    public var tools: [Tool]
    public var measures: [Measure]

    public struct Tool: Encodable, Sendable {
        public var label: String
        public var indicators: [Indicator]
    }

    public struct Indicator: Encodable, Sendable {
        public var number: Int
        public var name: String
        public var score: Decimal?
        /// ประเด็นที่ต้องแก้ไข/ปรับปรุง: only what the user wrote, else "-".
        public var toFix: String
        enum CodingKeys: String, CodingKey { case number, name, score, toFix = "to_fix" }
    }

    public struct Measure: Encodable, Sendable {
        public var title: String
        public var steps: [String]
        public var owners: [String]
        public var period: String
        public var followUp: String
        enum CodingKeys: String, CodingKey { case title, steps, owners, period, followUp = "follow_up" }
    }

    enum CodingKeys: String, CodingKey { case chartIndicators = "chart_indicators", tools, measures }
}
